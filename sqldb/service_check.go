package sqldb

import pk "github.com/partnerkit/partnerkit"

// The stores implement the services the pages and the API depend on.
var (
	_ pk.AccountService      = (*DB)(nil)
	_ pk.OrganisationService = (*DB)(nil)
	_ pk.PartnershipService  = (*DB)(nil)
	_ pk.MemberService       = (*DB)(nil)
	_ pk.ActorService        = (*DB)(nil)
	_ pk.MapService          = (*DB)(nil)
	_ pk.NetworkService      = (*DB)(nil)
	_ pk.PreparationService  = (*DB)(nil)
	_ pk.PlaybookService     = (*DB)(nil)
	_ pk.ProspectService     = (*DB)(nil)
)
