package account

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerAccount(rt *httpx.Router) {
	h.Handle(rt, "GET", "/signup", httpx.Public, h.signUpPage)
	h.Handle(rt, "POST", "/signup", httpx.Public, h.signUp)
	h.Handle(rt, "GET", "/signin", httpx.Public, h.signInPage)
	h.Handle(rt, "POST", "/signin", httpx.Public, h.signIn)
	h.Handle(rt, "POST", "/signout", httpx.Public, h.signOut)
	h.Handle(rt, "GET", "/password/forgot", httpx.Public, h.forgotPage)
	h.Handle(rt, "POST", "/password/forgot", httpx.Public, h.forgot)
	h.Handle(rt, "GET", "/reset/{token}", httpx.Public, h.resetPage)
	h.Handle(rt, "POST", "/reset/{token}", httpx.Public, h.reset)
	h.Handle(rt, "GET", "/verify/{token}", httpx.Public, h.verify)
	h.Handle(rt, "POST", "/verify/resend", httpx.SignedIn, h.resendVerification)
	h.Handle(rt, "POST", "/language", httpx.Public, h.setLanguage)
	h.Handle(rt, "GET", "/account", httpx.SignedIn, h.accountPage)
	h.Handle(rt, "POST", "/account/profile", httpx.SignedIn, h.updateProfile)
	h.Handle(rt, "POST", "/account/password", httpx.SignedIn, h.changePassword)
	h.Handle(rt, "POST", "/account/self-declared", httpx.SignedIn, h.saveSelfDeclared)
	h.Handle(rt, "POST", "/account/sessions/{sid}/revoke", httpx.SignedIn, h.revokeSession)
	h.Handle(rt, "POST", "/account/tokens", httpx.SignedIn, h.createToken)
	h.Handle(rt, "POST", "/account/tokens/{tid}/revoke", httpx.SignedIn, h.revokeToken)
}

func (h *Pages) signUpPage(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "account.signup.title")
	v.Form.Values.Set("invitation", r.URL.Query().Get("invitation"))
	v.Form.Values.Set("email", r.URL.Query().Get("email"))
	v.Form.Values.Set("next", httpx.SafeNext(r.URL.Query().Get("next")))
	h.Render(w, r, http.StatusOK, templates, "signup", v)
	return nil
}

func (h *Pages) signUp(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	lang := web.Language(r)
	in := pk.SignUpInput{Email: r.PostForm.Get("email"), Name: r.PostForm.Get("name"), Password: r.PostForm.Get("password"),
		Language: lang, Invitation: r.PostForm.Get("invitation")}
	u, err := h.Accounts.SignUp(r.Context(), in)
	if err != nil {
		return h.FormOr(w, r, err, templates, "signup", h.View(r, "account.signup.title"))
	}
	if !u.MaySignInNow {
		// The same page whether the address was new or had an account
		// already: the email tells its owner which.
		v := h.View(r, "account.signup.sent.title")
		v.Data = in.Email
		h.Render(w, r, http.StatusOK, templates, "signup_sent", v)
		return nil
	}
	return h.startSession(w, r, in.Email, in.Password, httpx.SafeNext(r.PostForm.Get("next")), "flash.welcome")
}

func (h *Pages) signInPage(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "account.signin.title")
	v.Form.Values.Set("next", httpx.SafeNext(r.URL.Query().Get("next")))
	h.Render(w, r, http.StatusOK, templates, "signin", v)
	return nil
}

func (h *Pages) signIn(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	err := h.startSession(w, r, r.PostForm.Get("email"), r.PostForm.Get("password"), httpx.SafeNext(r.PostForm.Get("next")), "")
	if err != nil {
		v := h.View(r, "account.signin.title")
		v.Form = &web.Form{Values: url.Values{"email": {r.PostForm.Get("email")}, "next": {httpx.SafeNext(r.PostForm.Get("next"))}}}
		return h.FormOr(w, r, err, templates, "signin", v)
	}
	return nil
}

// startSession signs in and sets the session cookie.
func (h *Pages) startSession(w http.ResponseWriter, r *http.Request, email, password, next, flash string) error {
	_, secret, err := h.Accounts.SignIn(r.Context(), email, password, httpx.ClientIP(r, h.TrustProxy), r.UserAgent())
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: httpx.SessionCookie, Value: secret, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: h.SecureCookies, Expires: time.Now().Add(30 * 24 * time.Hour)})
	web.Redirect(w, r, next, flash)
	return nil
}

func (h *Pages) signOut(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(httpx.SessionCookie); err == nil {
		if err := h.Accounts.SignOut(r.Context(), c.Value); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: httpx.SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: h.SecureCookies})
	// Pages are kept by the browser for cheap revalidation; on a shared
	// phone the next person must not find them in its cache.
	w.Header().Set("Clear-Site-Data", `"cache"`)
	web.Redirect(w, r, "/", "flash.signed_out")
	return nil
}

func (h *Pages) forgotPage(w http.ResponseWriter, r *http.Request) error {
	h.Render(w, r, http.StatusOK, templates, "forgot", h.View(r, "account.forgot.title"))
	return nil
}

func (h *Pages) forgot(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	if err := h.Accounts.RequestPasswordReset(r.Context(), r.PostForm.Get("email"), web.Language(r)); err != nil {
		return h.FormOr(w, r, err, templates, "forgot", h.View(r, "account.forgot.title"))
	}
	web.Redirect(w, r, "/signin", "flash.reset_sent")
	return nil
}

func (h *Pages) resetPage(w http.ResponseWriter, r *http.Request) error {
	h.Render(w, r, http.StatusOK, templates, "reset", h.View(r, "account.reset.title"))
	return nil
}

func (h *Pages) reset(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	if err := h.Accounts.ResetPassword(r.Context(), r.PathValue("token"), r.PostForm.Get("password")); err != nil {
		return h.FormOr(w, r, err, templates, "reset", h.View(r, "account.reset.title"))
	}
	web.Redirect(w, r, "/signin", "flash.password_reset")
	return nil
}

func (h *Pages) verify(w http.ResponseWriter, r *http.Request) error {
	if err := h.Accounts.VerifyEmail(r.Context(), r.PathValue("token")); err != nil {
		return err
	}
	if pk.UserFromContext(r.Context()) == nil {
		// Confirming the address is the step after signing up: sign in next.
		web.Redirect(w, r, "/signin", "flash.email_verified_signin")
		return nil
	}
	web.Redirect(w, r, "/", "flash.email_verified")
	return nil
}

func (h *Pages) resendVerification(w http.ResponseWriter, r *http.Request) error {
	if err := h.Accounts.ResendVerification(r.Context()); err != nil {
		return err
	}
	web.Redirect(w, r, "/", "flash.verification_sent")
	return nil
}

// setLanguage is the switcher: signed-in people keep the choice in their
// profile, others in a cookie.
func (h *Pages) setLanguage(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	lang := r.PostForm.Get("lang")
	if !i18n.Supported(lang) {
		return pk.FieldInvalid("lang", "validation.one_of", map[string]any{"Allowed": pk.ChoiceNames{"language.en", "language.ar", "language.fr"}})
	}
	if pk.UserFromContext(r.Context()) != nil {
		if err := h.Accounts.SetLanguage(r.Context(), lang); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang, Path: "/", SameSite: http.SameSiteLaxMode,
		Secure: h.SecureCookies, Expires: time.Now().Add(365 * 24 * time.Hour)})
	web.Redirect(w, r, httpx.SafeNext(r.PostForm.Get("next")), "")
	return nil
}

type accountData struct {
	Sessions []*pk.Session
	Tokens   []*pk.Token
	NewToken *pk.Token
	Verified bool
	// HandOvers are what must be handed over before the account can be
	// deleted; while there are any, the page lists them instead of the form.
	HandOvers []handOverLink
	// Declared are the answers of the self-declared questions.
	Declared []string
}

func (h *Pages) accountPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderAccount(w, r, http.StatusOK, nil, nil)
}

// renderAccount draws the account page, with a form error or a new token.
func (h *Pages) renderAccount(w http.ResponseWriter, r *http.Request, status int, formErr error, newToken *pk.Token) error {
	ctx := r.Context()
	v := h.View(r, "account.title")
	u := v.User
	v.Form.Values.Set("name", u.Name)
	v.Form.Values.Set("language", u.Language)
	v.Form.Values.Set("version", strconv.Itoa(u.Version))
	declared, err := h.Accounts.SelfDeclared(ctx)
	if err != nil {
		return err
	}
	v.Form.Values.Set("lived_experience", declared.LivedExperience)
	v.Form.Values.Set("young", declared.Young)
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	d := &accountData{NewToken: newToken, Declared: pk.DeclaredAnswers}
	if d.Sessions, err = h.Accounts.Sessions(ctx); err != nil {
		return err
	}
	if d.Tokens, err = h.Accounts.Tokens(ctx); err != nil {
		return err
	}
	if d.Verified, err = h.Accounts.EmailVerified(ctx); err != nil {
		return err
	}
	hs, err := h.Accounts.HandOvers(ctx)
	if err != nil {
		return err
	}
	d.HandOvers = handOverLinks(hs)
	v.Data = d
	h.Render(w, r, status, templates, "account", v)
	return nil
}

func (h *Pages) updateProfile(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Accounts.UpdateProfile(r.Context(), pk.ProfileInput{Name: r.PostForm.Get("name"), Language: r.PostForm.Get("language"),
		Version: web.Atoi(r.PostForm.Get("version"))})
	if web.IsFormError(err) {
		return h.renderAccount(w, r, httpx.Status(err), err, nil)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/account", "flash.saved")
	return nil
}

func (h *Pages) changePassword(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	err := h.Accounts.ChangePassword(r.Context(), r.PostForm.Get("current_password"), r.PostForm.Get("new_password"))
	if web.IsFormError(err) {
		r.PostForm.Del("current_password")
		r.PostForm.Del("new_password")
		return h.renderAccount(w, r, httpx.Status(err), err, nil)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/account", "flash.password_changed")
	return nil
}

func (h *Pages) revokeSession(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.Ask(w, r, nil, web.Confirm{Question: "confirm.session.revoke", Button: "account.session.revoke", Back: "/account"})
	}
	if err := h.Accounts.RevokeSession(r.Context(), r.PathValue("sid")); err != nil {
		return err
	}
	web.Redirect(w, r, "/account", "flash.session_revoked")
	return nil
}

func (h *Pages) createToken(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	t, err := h.Accounts.CreateToken(r.Context(), r.PostForm.Get("token_name"))
	if web.IsFormError(err) {
		return h.renderAccount(w, r, httpx.Status(err), err, nil)
	} else if err != nil {
		return err
	}
	// The secret is shown on this one answer only.
	return h.renderAccount(w, r, http.StatusOK, nil, t)
}

func (h *Pages) revokeToken(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.Ask(w, r, nil, web.Confirm{Question: "confirm.token.revoke", Effect: "confirm.effect.final",
			Button: "account.tokens.revoke", Back: "/account"})
	}
	if err := h.Accounts.RevokeToken(r.Context(), r.PathValue("tid")); err != nil {
		return err
	}
	web.Redirect(w, r, "/account", "flash.token_revoked")
	return nil
}
