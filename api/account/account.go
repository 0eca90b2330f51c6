// Package account answers the API calls about a person's own account:
// signing up, the profile, the password, sessions, API tokens and the
// invitations waiting for them.
package account

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the account's API calls.
type Handlers struct {
	Accounts pk.AccountService
	// Members gives the invitations sent to the asker's address.
	Members pk.MemberService
}

// Register adds the account's routes.
func (h *Handlers) Register(a *api.API) { h.registerAccount(a) }

type signUpBody struct {
	Email      string `json:"email" rule:"required,format=email" doc:"Your email address (signs you in)." example:"amina@example.org"`
	Name       string `json:"name" rule:"required,max=120" doc:"Your name as others see it." example:"Amina Haddad"`
	Password   string `json:"password" rule:"min=10" doc:"At least 10 characters (and at most 1024 bytes); length beats composition rules." example:"correct horse battery"`
	Language   string `json:"language" rule:"enum=language" doc:"The language of the interface and emails." example:"en"`
	Invitation string `json:"invitation,omitempty" doc:"An invitation token, when signing up from an invitation."`
}

type profileBody struct {
	Name     string `json:"name" rule:"required,max=120" doc:"Your name as others see it." example:"Amina Haddad"`
	Language string `json:"language" rule:"enum=language" doc:"The language of the interface and emails." example:"ar"`
	Version  int    `json:"version" doc:"The version of your profile the change is based on (or send If-Match)." example:"1"`
}

type selfDeclaredBody struct {
	LivedExperience string `json:"lived_experience" rule:"enum=declared" doc:"Whether you have lived experience of migration: yes, no, or empty for not saying." example:"yes"`
	Young           string `json:"young" rule:"enum=declared" doc:"Whether you are young (up to 30): yes, no, or empty for not saying." example:""`
}

type passwordBody struct {
	Current string `json:"current_password" rule:"required" doc:"Your password now." example:"correct horse battery"`
	New     string `json:"new_password" rule:"min=10" doc:"The new one: at least 10 characters (and at most 1024 bytes)." example:"a longer passphrase still"`
}

type resetRequestBody struct {
	Email    string `json:"email" rule:"required,format=email" doc:"The address of the account." example:"amina@example.org"`
	Language string `json:"language" doc:"The language of the email: en, ar or fr (the account's own otherwise)."`
}

type deleteAccountBody struct {
	Password string `json:"password"`
}

type tokenBody struct {
	Name string `json:"name" rule:"required,max=100" doc:"What the token is for, to recognise it later." example:"weekly export script"`
}

func (h *Handlers) registerAccount(a *api.API) {
	const tag = "account"
	a.Route("POST", "/users", httpx.Public, httpx.OpDoc{Summary: "Create an account (sign up)", Tag: tag, Request: signUpBody{}, Response: pk.User{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b signUpBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Accounts.SignUp(r.Context(), pk.SignUpInput{Email: b.Email, Name: b.Name, Password: b.Password, Language: b.Language, Invitation: b.Invitation})
		})
	a.Route("POST", "/password-resets", httpx.Public, httpx.OpDoc{Summary: "Email a password-reset link (always answers 204)", Tag: tag, Request: resetRequestBody{}},
		func(r *http.Request) (any, error) {
			var b resetRequestBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return nil, h.Accounts.RequestPasswordReset(r.Context(), b.Email, b.Language)
		})
	a.Route("GET", "/me", httpx.SignedIn, httpx.OpDoc{Summary: "The signed-in user", Tag: tag, Response: pk.User{}},
		func(r *http.Request) (any, error) { return pk.UserFromContext(r.Context()), nil })
	a.Route("PATCH", "/me", httpx.SignedIn, httpx.OpDoc{Summary: "Change name and language (a merge patch: fields left out keep their value; the version is required)", Tag: tag, Request: profileBody{}, Response: pk.User{}},
		func(r *http.Request) (any, error) {
			u := pk.UserFromContext(r.Context())
			var b profileBody
			if err := api.DecodeMerge(r, profileBody{Name: u.Name, Language: u.Language}, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Accounts.UpdateProfile(r.Context(), pk.ProfileInput{Name: b.Name, Language: b.Language, Version: b.Version})
		})
	a.Route("GET", "/me/self-declared", httpx.SignedIn, httpx.OpDoc{Summary: "What you said of yourself for the partnerships' health signals (only you read it; the signals count shares of 5 people or more)", Tag: tag, Response: pk.SelfDeclared{}},
		func(r *http.Request) (any, error) { return h.Accounts.SelfDeclared(r.Context()) })
	a.Route("PUT", "/me/self-declared", httpx.SignedIn, httpx.OpDoc{Summary: "Say, or stop saying, whether you have lived experience of migration and whether you are young (both optional)", Tag: tag, Request: selfDeclaredBody{}, Response: pk.SelfDeclared{}},
		func(r *http.Request) (any, error) {
			var b selfDeclaredBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			in := pk.SelfDeclared{LivedExperience: b.LivedExperience, Young: b.Young}
			if err := h.Accounts.SetSelfDeclared(r.Context(), in); err != nil {
				return nil, err
			}
			return h.Accounts.SelfDeclared(r.Context())
		})
	a.Route("GET", "/me/export", httpx.SignedIn, httpx.OpDoc{Summary: "Everything Partnerkit holds about me, as one JSON document (sensitive records I may no longer see are left out and counted)", Tag: tag, Response: pk.PersonalData{}},
		func(r *http.Request) (any, error) { return h.Accounts.MyData(r.Context()) })
	a.Route("DELETE", "/me", httpx.SignedIn, httpx.OpDoc{Summary: "Delete my account: erases my personal data, ends my memberships, sessions and tokens; my contributions stay, by a former member (user_name \"[former member]\"). 409 names what to hand over first", Tag: tag, Request: deleteAccountBody{}},
		func(r *http.Request) (any, error) {
			var b deleteAccountBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return nil, h.Accounts.DeleteAccount(r.Context(), b.Password)
		})
	a.Route("POST", "/me/password", httpx.SignedIn, httpx.OpDoc{Summary: "Change password (signs out other sessions)", Tag: tag, Request: passwordBody{}},
		func(r *http.Request) (any, error) {
			var b passwordBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return nil, h.Accounts.ChangePassword(r.Context(), b.Current, b.New)
		})
	a.Route("GET", "/me/sessions", httpx.SignedIn, httpx.OpDoc{Summary: "Where I am signed in", Tag: tag, Response: pk.Session{}, List: true},
		func(r *http.Request) (any, error) {
			s, err := h.Accounts.Sessions(r.Context())
			return api.List[*pk.Session]{Items: api.NonNil(s)}, err
		})
	a.Route("DELETE", "/me/sessions/{sid}", httpx.SignedIn, httpx.OpDoc{Summary: "Sign out a session", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Accounts.RevokeSession(r.Context(), r.PathValue("sid"))
		})
	a.Route("GET", "/me/tokens", httpx.SignedIn, httpx.OpDoc{Summary: "My API tokens", Tag: tag, Response: pk.Token{}, List: true},
		func(r *http.Request) (any, error) {
			t, err := h.Accounts.Tokens(r.Context())
			return api.List[*pk.Token]{Items: api.NonNil(t)}, err
		})
	a.Route("POST", "/me/tokens", httpx.SignedIn, httpx.OpDoc{Summary: "Create an API token (the secret is in this answer only)", Tag: tag, Request: tokenBody{}, Response: pk.Token{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b tokenBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			t, err := h.Accounts.CreateToken(r.Context(), b.Name)
			return api.Created{Value: t}, err
		})
	a.Route("DELETE", "/me/tokens/{tid}", httpx.SignedIn, httpx.OpDoc{Summary: "Revoke an API token", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Accounts.RevokeToken(r.Context(), r.PathValue("tid"))
		})
	a.Route("GET", "/me/invitations", httpx.SignedIn, httpx.OpDoc{Summary: "Pending invitations to my confirmed address", Tag: tag, Response: pk.Invitation{}, List: true},
		func(r *http.Request) (any, error) {
			x, err := h.Members.MyInvitations(r.Context())
			return api.List[*pk.Invitation]{Items: api.NonNil(x)}, err
		})
}
