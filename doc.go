// Package partnerkit holds the domain of Partnerkit: the nouns (users,
// organisations, partnerships, memberships, invitations, audit entries), the
// errors they raise, who may do what, and the service interfaces that the web
// pages and the JSON API both call. It imports nothing of ours; storage lives
// in sqldb, the pages in web, the JSON API in api.
package partnerkit
