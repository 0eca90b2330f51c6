// Package prospect answers the API calls of the pipeline of prospective
// partners: the prospects, their status history and inviting them.
package prospect

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the prospects' API calls.
type Handlers struct {
	Prospects pk.ProspectService
}

// Register adds the prospects' routes.
func (h *Handlers) Register(a *api.API) { h.registerProspects(a) }

// prospectBody creates a prospect; in a PATCH only the fields sent change.
type prospectBody struct {
	Name           *string `json:"name" rule:"required,max=200" doc:"Who the prospective partner is." example:"Teachers' Union, North"`
	Kind           *string `json:"kind" rule:"required,enum=prospect_kind" doc:"An organisation or a person." example:"organisation"`
	ActorID        *string `json:"actor_id" doc:"The actor of the register it is, if any."`
	OrganisationID *string `json:"organisation_id" doc:"Its organisation profile, if it has one."`
	UserID         *string `json:"user_id" rule:"required,max=100" doc:"The one member who is its point of contact (a user ID)." example:"u1v2w3x4y5z6a7b8c9d0"`
	ContactName    *string `json:"contact_name" rule:"max=200" doc:"The person to talk to there."`
	ContactEmail   *string `json:"contact_email" rule:"format=email" doc:"Their email address."`
	ContactPhone   *string `json:"contact_phone" rule:"max=50" doc:"Their phone number."`
	ContactRole    *string `json:"contact_role" rule:"max=200" doc:"Their role there."`
	Record         *string `json:"record" rule:"max=4000" doc:"What they have done: their record."`
	Statements     *string `json:"statements" rule:"max=4000" doc:"What they have said in public."`
	WorkedWith     *string `json:"worked_with" rule:"max=4000" doc:"Whom they have worked with."`
	Message        *string `json:"message" rule:"max=4000" doc:"What is in it for them: the message to bring (required once approached)."`
	NextStep       *string `json:"next_step" rule:"max=500" doc:"The next thing to do." example:"Call after the board meeting"`
	NextStepDue    *string `json:"next_step_due" rule:"format=date" doc:"By when (YYYY-MM-DD)." example:"2025-04-15"`
	// Status is read on creation only; change it with POST …/status.
	Status  *string `json:"status,omitempty" rule:"create,enum=prospect_status" doc:"On creation only: where in the pipeline it starts (identified when left out)."`
	Version int     `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

// apply overlays the fields sent on in.
func (b prospectBody) apply(in *pk.ProspectInput) {
	for _, f := range []struct {
		src *string
		dst *string
	}{{b.Name, &in.Name}, {b.Kind, &in.Kind}, {b.ActorID, &in.ActorID}, {b.OrganisationID, &in.OrganisationID}, {b.UserID, &in.UserID},
		{b.ContactName, &in.ContactName}, {b.ContactEmail, &in.ContactEmail}, {b.ContactPhone, &in.ContactPhone}, {b.ContactRole, &in.ContactRole},
		{b.Record, &in.Record}, {b.Statements, &in.Statements}, {b.WorkedWith, &in.WorkedWith}, {b.Message, &in.Message},
		{b.NextStep, &in.NextStep}, {b.NextStepDue, &in.NextStepDue}, {b.Status, &in.Status}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
	in.Version = b.Version
}

// prospectInputOf turns a stored prospect into the input that keeps it as it is.
func prospectInputOf(x *pk.Prospect) pk.ProspectInput {
	return pk.ProspectInput{Name: x.Name, Kind: x.Kind, ActorID: x.ActorID, OrganisationID: x.OrganisationID, UserID: x.UserID,
		ContactName: x.ContactName, ContactEmail: x.ContactEmail, ContactPhone: x.ContactPhone, ContactRole: x.ContactRole,
		Record: x.Record, Statements: x.Statements, WorkedWith: x.WorkedWith, Message: x.Message, NextStep: x.NextStep,
		NextStepDue: x.NextStepDue, Version: x.Version}
}

type prospectStatusBody struct {
	Status  string `json:"status" rule:"required,enum=prospect_status" doc:"The stage of the pipeline it moves to." example:"researching"`
	Note    string `json:"note,omitempty" rule:"max=2000" doc:"Why, for the history."`
	Version int    `json:"version" doc:"The version the change is based on (or send If-Match)." example:"1"`
}

type prospectInviteBody struct {
	Role           string `json:"role" rule:"required,enum=role" doc:"The role the invited person will have." example:"member"`
	Email          string `json:"email,omitempty" rule:"format=email" doc:"Where to send the invitation (the contact's when left out)."`
	OrganisationID string `json:"organisation_id,omitempty" doc:"The organisation they join for."`
	Message        string `json:"message,omitempty" rule:"max=2000" doc:"A word in the invitation email."`
	Language       string `json:"language,omitempty" rule:"enum=language" doc:"The language of the email."`
}

func (h *Handlers) registerProspects(a *api.API) {
	const tag = "prospects"
	view, edit := httpx.RoleFor(pk.ActionViewProspects), httpx.RoleFor(pk.ActionEditProspects)
	a.Route("GET", "/partnerships/{pid}/prospects", view, httpx.OpDoc{Summary: "Prospective partners by name (?status= for one status)", Tag: tag,
		Response: pk.Prospect{}, List: true, Query: []string{"status", "limit", "cursor"}},
		func(r *http.Request) (any, error) {
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			ps, next, err := h.Prospects.Prospects(r.Context(), r.PathValue("pid"), pk.ProspectFilter{Status: r.URL.Query().Get("status")}, p)
			return api.List[*pk.Prospect]{Items: api.NonNil(ps), NextCursor: next}, err
		})
	a.Route("POST", "/partnerships/{pid}/prospects", edit, httpx.OpDoc{Summary: "Add a prospective partner (user_id: our point of contact)", Tag: tag,
		Request: prospectBody{}, Response: pk.Prospect{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b prospectBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			var in pk.ProspectInput
			b.apply(&in)
			x, err := h.Prospects.CreateProspect(r.Context(), r.PathValue("pid"), in)
			return api.Created{Value: x}, err
		})
	a.Route("GET", "/partnerships/{pid}/prospects/{prid}", view, httpx.OpDoc{Summary: "A prospective partner", Tag: tag, Response: pk.Prospect{}},
		func(r *http.Request) (any, error) {
			return h.Prospects.Prospect(r.Context(), r.PathValue("pid"), r.PathValue("prid"))
		})
	a.Route("PATCH", "/partnerships/{pid}/prospects/{prid}", edit, httpx.OpDoc{Summary: "Change a prospect's details (fields sent; status through /status)", Tag: tag,
		Request: prospectBody{}, Response: pk.Prospect{}},
		func(r *http.Request) (any, error) {
			var b prospectBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			if b.Status != nil {
				return nil, pk.FieldInvalid("status", "outreach.validation.status_separately", nil)
			}
			pid, id := r.PathValue("pid"), r.PathValue("prid")
			cur, err := h.Prospects.Prospect(r.Context(), pid, id)
			if err != nil {
				return nil, err
			}
			in := prospectInputOf(cur)
			b.apply(&in)
			return h.Prospects.UpdateProspect(r.Context(), pid, id, in)
		})
	a.Route("DELETE", "/partnerships/{pid}/prospects/{prid}", edit, httpx.OpDoc{Summary: "Delete a prospect and its history (send the version as If-Match or ?version=)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := prospectDeleteVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Prospects.DeleteProspect(r.Context(), r.PathValue("pid"), r.PathValue("prid"), v)
		})
	a.Route("POST", "/partnerships/{pid}/prospects/{prid}/status", edit, httpx.OpDoc{Summary: "Change a prospect's status, with a note (approached and later need the message)", Tag: tag,
		Request: prospectStatusBody{}, Response: pk.Prospect{}},
		func(r *http.Request) (any, error) {
			var b prospectStatusBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Prospects.SetProspectStatus(r.Context(), r.PathValue("pid"), r.PathValue("prid"), pk.ProspectStatusInput{Status: b.Status, Note: b.Note, Version: b.Version})
		})
	a.Route("GET", "/partnerships/{pid}/prospects/{prid}/history", view, httpx.OpDoc{Summary: "A prospect's status changes, oldest first", Tag: tag,
		Response: pk.ProspectStatusChange{}, List: true},
		func(r *http.Request) (any, error) {
			h, err := h.Prospects.ProspectHistoryList(r.Context(), r.PathValue("pid"), r.PathValue("prid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.ProspectStatusChange]{Items: api.NonNil(h.Changes), ItemsCut: h.Cut}, nil
		})
	a.Route("POST", "/partnerships/{pid}/prospects/{prid}/invite", httpx.RoleFor(pk.ActionInvite), httpx.OpDoc{Summary: "Invite an agreed prospect's contact to the partnership", Tag: tag,
		Request: prospectInviteBody{}, Response: pk.Invitation{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b prospectInviteBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Prospects.InviteProspect(r.Context(), r.PathValue("pid"), r.PathValue("prid"), pk.ProspectInviteInput{Role: b.Role, Email: b.Email,
				OrganisationID: b.OrganisationID, Message: b.Message, Language: b.Language})
			return api.Created{Value: x}, err
		})
}

// prospectDeleteVersion is the version a DELETE is based on: If-Match,
// ?version=, or a JSON body {"version": n}.
func prospectDeleteVersion(r *http.Request) (int, error) {
	n := 0
	if q := r.URL.Query().Get("version"); q != "" {
		var err error
		if n, err = strconv.Atoi(q); err != nil {
			return 0, pk.FieldInvalid("version", "validation.number", nil)
		}
	} else if r.ContentLength > 0 {
		var b api.VersionBody
		if err := api.Decode(r, &b); err != nil {
			return 0, err
		}
		n = b.Version
	}
	return api.Version(r, n)
}
