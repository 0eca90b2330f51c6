package partnerkit

import (
	"strings"
	"time"
)

// User is a person with an account on this instance.
type User struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Language  string    `json:"language"` // "" means: from the browser
	Admin     bool      `json:"admin"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	// MaySignInNow is set by SignUp when the new account may start a session
	// at once: the very first account, or an address proven by the
	// invitation link it was sent. Anyone else confirms their address first,
	// and an address that has an account already gets the very same answer,
	// so that sign-up never tells who has an account here.
	MaySignInNow bool `json:"-"`
}

// Languages the interface is translated into; the first is the fallback.
var Languages = []string{"en", "ar", "fr"}

// SignUpInput is what a new account needs.
type SignUpInput struct {
	Email    string
	Name     string
	Password string
	Language string
	// Invitation, when set, lets a person sign up on an invitation-only
	// instance: the token of an open invitation sent to this email address.
	Invitation string
}

// Validate checks the fields of a new account.
func (in *SignUpInput) Validate() error {
	var v Validator
	in.Email = strings.TrimSpace(strings.ToLower(in.Email))
	in.Name = strings.TrimSpace(in.Name)
	v.Email("email", in.Email)
	if IsFormerMemberEmail(in.Email) {
		// Reserved for erased accounts, so that such an address always
		// means one.
		v.Add("email", "validation.email", nil)
	}
	v.Text("name", in.Name, true, 120)
	reservedName(&v, in.Name)
	v.Password("password", in.Password)
	v.OneOf("language", in.Language, false, Languages)
	return v.Err()
}

// ProfileInput changes a user's own profile.
type ProfileInput struct {
	Name     string
	Language string
	Version  int
}

// Validate checks a profile change.
func (in *ProfileInput) Validate() error {
	var v Validator
	in.Name = strings.TrimSpace(in.Name)
	v.Text("name", in.Name, true, 120)
	reservedName(&v, in.Name)
	v.OneOf("language", in.Language, false, Languages)
	return v.Err()
}

// reservedName refuses the name erased accounts keep: nobody may pass for
// "a former member".
func reservedName(v *Validator, name string) {
	if strings.EqualFold(name, FormerMemberName) {
		v.Add("name", "validation.name_reserved", nil)
	}
}

// Session is a signed-in browser. Only a hash of its secret is stored.
type Session struct {
	ID         string    `json:"id"`
	UserAgent  string    `json:"user_agent"`
	IP         string    `json:"ip"`
	CreatedAt  time.Time `json:"created_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	Current    bool      `json:"current"`
}

// Token is an API token for scripts. Only a hash of its secret is stored;
// the secret is shown once, when it is made.
type Token struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	// Secret is set only in the answer that creates the token.
	Secret string `json:"token,omitempty"`
}
