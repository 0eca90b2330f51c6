package api

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

type signUpBody struct {
	Email      string `json:"email"`
	Name       string `json:"name"`
	Password   string `json:"password"`
	Language   string `json:"language"`
	Invitation string `json:"invitation,omitempty"`
}

type profileBody struct {
	Name     string `json:"name"`
	Language string `json:"language"`
	Version  int    `json:"version"`
}

type passwordBody struct {
	Current string `json:"current_password"`
	New     string `json:"new_password"`
}

type resetRequestBody struct {
	Email    string `json:"email"`
	Language string `json:"language"`
}

type tokenBody struct {
	Name string `json:"name"`
}

func (a *API) registerAccount() {
	const tag = "account"
	a.route("POST", "/users", httpx.Public, httpx.OpDoc{Summary: "Create an account (sign up)", Tag: tag, Request: signUpBody{}, Response: pk.User{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b signUpBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return a.DB.SignUp(r.Context(), pk.SignUpInput{Email: b.Email, Name: b.Name, Password: b.Password, Language: b.Language, Invitation: b.Invitation})
		})
	a.route("POST", "/password-resets", httpx.Public, httpx.OpDoc{Summary: "Email a password-reset link (always answers 204)", Tag: tag, Request: resetRequestBody{}},
		func(r *http.Request) (any, error) {
			var b resetRequestBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return nil, a.DB.RequestPasswordReset(r.Context(), b.Email, b.Language)
		})
	a.route("GET", "/me", httpx.SignedIn, httpx.OpDoc{Summary: "The signed-in user", Tag: tag, Response: pk.User{}},
		func(r *http.Request) (any, error) { return pk.UserFromContext(r.Context()), nil })
	a.route("PATCH", "/me", httpx.SignedIn, httpx.OpDoc{Summary: "Change name and language", Tag: tag, Request: profileBody{}, Response: pk.User{}},
		func(r *http.Request) (any, error) {
			var b profileBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			v, err := version(r, b.Version)
			if err != nil {
				return nil, err
			}
			return a.DB.UpdateProfile(r.Context(), pk.ProfileInput{Name: b.Name, Language: b.Language, Version: v})
		})
	a.route("POST", "/me/password", httpx.SignedIn, httpx.OpDoc{Summary: "Change password (signs out other sessions)", Tag: tag, Request: passwordBody{}},
		func(r *http.Request) (any, error) {
			var b passwordBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return nil, a.DB.ChangePassword(r.Context(), b.Current, b.New)
		})
	a.route("GET", "/me/sessions", httpx.SignedIn, httpx.OpDoc{Summary: "Where I am signed in", Tag: tag, Response: pk.Session{}, List: true},
		func(r *http.Request) (any, error) {
			s, err := a.DB.Sessions(r.Context())
			return List[*pk.Session]{Items: nonNil(s)}, err
		})
	a.route("DELETE", "/me/sessions/{sid}", httpx.SignedIn, httpx.OpDoc{Summary: "Sign out a session", Tag: tag},
		func(r *http.Request) (any, error) { return nil, a.DB.RevokeSession(r.Context(), r.PathValue("sid")) })
	a.route("GET", "/me/tokens", httpx.SignedIn, httpx.OpDoc{Summary: "My API tokens", Tag: tag, Response: pk.Token{}, List: true},
		func(r *http.Request) (any, error) {
			t, err := a.DB.Tokens(r.Context())
			return List[*pk.Token]{Items: nonNil(t)}, err
		})
	a.route("POST", "/me/tokens", httpx.SignedIn, httpx.OpDoc{Summary: "Create an API token (the secret is in this answer only)", Tag: tag, Request: tokenBody{}, Response: pk.Token{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b tokenBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			t, err := a.DB.CreateToken(r.Context(), b.Name)
			return Created{t}, err
		})
	a.route("DELETE", "/me/tokens/{tid}", httpx.SignedIn, httpx.OpDoc{Summary: "Revoke an API token", Tag: tag},
		func(r *http.Request) (any, error) { return nil, a.DB.RevokeToken(r.Context(), r.PathValue("tid")) })
	a.route("GET", "/me/invitations", httpx.SignedIn, httpx.OpDoc{Summary: "Pending invitations to my confirmed address", Tag: tag, Response: pk.Invitation{}, List: true},
		func(r *http.Request) (any, error) {
			x, err := a.DB.MyInvitations(r.Context())
			return List[*pk.Invitation]{Items: nonNil(x)}, err
		})
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
