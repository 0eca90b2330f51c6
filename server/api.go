package server

import (
	"time"

	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/api/account"
	"github.com/partnerkit/partnerkit/api/actor"
	"github.com/partnerkit/partnerkit/api/actormap"
	"github.com/partnerkit/partnerkit/api/bin"
	"github.com/partnerkit/partnerkit/api/network"
	"github.com/partnerkit/partnerkit/api/organisation"
	"github.com/partnerkit/partnerkit/api/partnership"
	"github.com/partnerkit/partnerkit/api/playbook"
	"github.com/partnerkit/partnerkit/api/preparation"
	"github.com/partnerkit/partnerkit/api/prospect"
	"github.com/partnerkit/partnerkit/sqldb"
)

// apiModules lists the JSON API's modules, each given only the services it
// needs. The database implements every service interface.
func apiModules(db *sqldb.DB) []api.Module {
	return []api.Module{
		&account.Handlers{Accounts: db, Members: db},
		&organisation.Handlers{Organisations: db},
		&partnership.Handlers{Partnerships: db, Members: db},
		&actor.Handlers{Actors: db},
		// The clock is read through db on each call: tests may set db.Now after wiring.
		&actormap.Handlers{Maps: db, Now: func() time.Time { return db.Now() }},
		&network.Handlers{Network: db},
		&preparation.Handlers{Preparation: db},
		&playbook.Handlers{Playbooks: db},
		&prospect.Handlers{Prospects: db},
		&bin.Handlers{Bin: db},
	}
}
