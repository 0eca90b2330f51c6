package server

import (
	"time"

	apiindicator "github.com/partnerkit/partnerkit/api/indicator"

	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/api/account"
	"github.com/partnerkit/partnerkit/api/actor"
	"github.com/partnerkit/partnerkit/api/actormap"
	apiadmission "github.com/partnerkit/partnerkit/api/admission"
	apiagreement "github.com/partnerkit/partnerkit/api/agreement"
	"github.com/partnerkit/partnerkit/api/bin"
	apicontribution "github.com/partnerkit/partnerkit/api/contribution"
	"github.com/partnerkit/partnerkit/api/decision"
	apiemailsettings "github.com/partnerkit/partnerkit/api/emailsettings"
	apievaluation "github.com/partnerkit/partnerkit/api/evaluation"
	"github.com/partnerkit/partnerkit/api/governance"
	apihealth "github.com/partnerkit/partnerkit/api/health"
	"github.com/partnerkit/partnerkit/api/lists"
	apimeeting "github.com/partnerkit/partnerkit/api/meeting"
	"github.com/partnerkit/partnerkit/api/network"
	apinotification "github.com/partnerkit/partnerkit/api/notification"
	"github.com/partnerkit/partnerkit/api/organisation"
	"github.com/partnerkit/partnerkit/api/partnership"
	apiplan "github.com/partnerkit/partnerkit/api/plan"
	"github.com/partnerkit/partnerkit/api/playbook"
	"github.com/partnerkit/partnerkit/api/portability"
	"github.com/partnerkit/partnerkit/api/preparation"
	"github.com/partnerkit/partnerkit/api/prospect"
	apisurvey "github.com/partnerkit/partnerkit/api/survey"
	apiwebhook "github.com/partnerkit/partnerkit/api/webhook"
	"github.com/partnerkit/partnerkit/sqldb"
)

// apiModules lists the JSON API's modules, each given only the services it
// needs. Each is given its module's store.
func apiModules(db *sqldb.DB) []api.Module {
	return []api.Module{
		&account.Handlers{Accounts: db.Accounts, Members: db.Members},
		&organisation.Handlers{Organisations: db.Organisations},
		&partnership.Handlers{Partnerships: db.Partnerships, Members: db.Members},
		&actor.Handlers{Actors: db.Actors},
		// The clock is read through db on each call: tests may set db.Now after wiring.
		&actormap.Handlers{Maps: db.Maps, Now: func() time.Time { return db.Now() }},
		&network.Handlers{Network: db.Networks},
		&preparation.Handlers{Preparation: db.Preparation},
		&playbook.Handlers{Playbooks: db.Playbooks},
		&prospect.Handlers{Prospects: db.Prospects},
		&apiagreement.Handlers{Agreements: db.Agreements},
		&bin.Handlers{Bin: db.Bin},
		&governance.Handlers{Bodies: db.Bodies, Charter: db.Charter},
		&apiadmission.Handlers{Admissions: db.Admissions},
		&decision.Handlers{Decisions: db.Decisions},
		&apisurvey.Handlers{Surveys: db.Surveys},
		&portability.Handlers{Portability: db.Portability},
		&apicontribution.Handlers{Contributions: db.Contributions, Reports: db.Reports},
		&apimeeting.Handlers{Meetings: db.Meetings, Calendars: db.Calendars, MeetingDecisions: db.MeetingDecisions},
		&apiplan.Handlers{Goals: db.Goals, Plans: db.Plans, Tasks: db.Tasks},
		&apihealth.Handlers{Health: db.Health},
		&apievaluation.Handlers{Evaluations: db.Evaluations},
		&apinotification.Handlers{Notifications: db.Notifications},
		&apiindicator.Handlers{Indicators: db.Indicators, Report: reportSources(db), Now: func() time.Time { return db.Now() }},
		&apiwebhook.Handlers{Webhooks: db.Webhooks},
		&apiemailsettings.Handlers{Settings: db.Mail},
		&lists.Handlers{},
	}
}
