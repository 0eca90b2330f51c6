package plan

import (
	"html/template"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// TestTaskCardsAsTemplate checks that the cards written in Go are the
// "task_card" template's, byte for byte, in every language, for tasks
// with and without each optional part and with text to escape.
func TestTaskCardsAsTemplate(t *testing.T) {
	b := i18n.MustLoad()
	tasks := []*pk.Task{
		{ID: "t1", PartnershipID: "p1", PlanID: "pl1", PlanTitle: "Plan", Title: "Call the mayor", Status: pk.TaskStatuses[0], Version: 3},
		{ID: "t2", PartnershipID: "p1", PlanID: "pl2", PlanTitle: `Plan <b>"A"</b> & 'B' + C`, Title: `<script>alert('x')</script> 1+1 & "q"`,
			AssigneeName: "Zoë <Z>", OrganisationName: "Org & Co", Due: "2026-03-31", Status: pk.TaskStatuses[len(pk.TaskStatuses)-1],
			MeetingID: "m9", TacticTitle: "Tactic 'one' +", Overdue: true, Version: 12},
		{ID: "t3", PartnershipID: "p1", PlanID: "pl1", PlanTitle: "Plan", Title: "Only org", OrganisationName: "Org", Status: "unknown", Version: 1},
		{ID: "t4", PartnershipID: "p1", PlanID: "pl1", PlanTitle: "خطة", Title: "Only person \x00", AssigneeName: "Ana", Status: pk.TaskStatuses[1], Version: 1},
	}
	may := map[string]bool{"t1": true, "t2": true, "t4": true}
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		tmpl := template.Must(template.New("").Funcs(template.FuncMap{"T": l.T, "dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		}, "field": func(...any) any { return nil }, "date": func(any) string { return "" }}).ParseFS(templateFS, "templates/_fields.html"))
		for _, from := range []string{"", "plan"} {
			var want strings.Builder
			for _, x := range tasks {
				if err := tmpl.ExecuteTemplate(&want, "task_card", map[string]any{"T": x, "Status": may[x.ID], "Statuses": pk.TaskStatuses,
					"From": from, "Edit": false}); err != nil {
					t.Fatal(err)
				}
			}
			if got := string(taskCardsHTML(l.T, tasks, may, pk.TaskStatuses, from)); got != want.String() {
				t.Errorf("%s, from %q: cards differ from the template\ngot:\n%s\nwant:\n%s", lang, from, got, want.String())
			}
		}
	}
}
