package governance

import (
	"net/http"
	"slices"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

type charterData struct {
	// Charter is the version shown: the one in force, or the one asked
	// for with ?version=N; InForce says which.
	Charter *pk.Charter
	InForce bool
	// Changes are the parts this version changed from the one before it
	// (message IDs), empty for the first.
	Changes  []string
	Previous int
	Versions []*pk.Charter
	Cut      bool
	Names    map[string]string
	CanEdit  bool
	Standard map[string]bool
}

// charterPage shows a version of the charter (the one in force unless
// ?version= names another), what it changed from the version before, and
// every version with a link to read it.
func (h *Pages) charterPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewGovernance, "governance.charter.title", "governance")
	if err != nil {
		return err
	}
	versions, cut, err := h.Charter.CharterVersions(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &charterData{Versions: versions, Cut: cut, Names: map[string]string{}, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditGovernance),
		Standard: map[string]bool{}}
	for _, a := range pk.StandardAreas {
		d.Standard[a] = true
	}
	if len(versions) > 0 {
		i := 0 // newest first: the one in force
		if q := r.URL.Query().Get("version"); q != "" {
			n, err := strconv.Atoi(q)
			i = slices.IndexFunc(versions, func(c *pk.Charter) bool { return c.Version == n })
			if err != nil || i < 0 {
				return pk.NotFound()
			}
		}
		d.Charter, d.InForce = versions[i], i == 0
		if i+1 < len(versions) {
			d.Previous = versions[i+1].Version
			d.Changes = charterChanges(versions[i+1], versions[i])
		}
		bodies, _, err := h.Bodies.Bodies(r.Context(), v.P.ID)
		if err != nil {
			return err
		}
		for _, b := range bodies {
			d.Names[b.ID] = b.Name
		}
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "charter", v)
	return nil
}

// charterChanges names the parts of the charter that differ between two
// versions, in the order the page shows them: a reader sees at once
// whether the decision rules moved or only a text was reworded.
func charterChanges(before, after *pk.Charter) []string {
	b, a := before.CharterText, after.CharterText
	var out []string
	add := func(changed bool, key string) {
		if changed {
			out = append(out, key)
		}
	}
	add(!slices.Equal(before.Areas, after.Areas), "governance.charter.areas")
	add(!slices.Equal(before.Rules, after.Rules), "governance.charter.rules")
	add(b.MeetingFrequency != a.MeetingFrequency || b.MeetingMaxMinutes != a.MeetingMaxMinutes ||
		b.MeetingMinParticipants != a.MeetingMinParticipants || b.AgendaDaysAhead != a.AgendaDaysAhead, "governance.charter.meetings")
	add(b.EscalationDiscussion != a.EscalationDiscussion || b.EscalationMediator != a.EscalationMediator ||
		b.EscalationArbiter != a.EscalationArbiter, "governance.field.escalation")
	add(b.ReopenOnNewInformation != a.ReopenOnNewInformation || b.ReopenShare != a.ReopenShare ||
		b.ReopenOrganisations != a.ReopenOrganisations || b.ReopenAfterMonths != a.ReopenAfterMonths, "governance.charter.reopening")
	add(b.AdmissionCriteria != a.AdmissionCriteria, "governance.field.admission")
	add(b.Leaving != a.Leaving || b.Exclusion != a.Exclusion, "governance.field.leaving")
	add(b.CodeOfConduct != a.CodeOfConduct, "governance.field.conduct")
	add(b.SafeSpace != a.SafeSpace, "governance.field.safe_space")
	add(b.InformationSharing != a.InformationSharing, "governance.field.sharing")
	return out
}
