package webhook

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// The guard keeps webhooks from reaching the server's own network (a
// coordinator could otherwise make the server call its database, a cloud
// metadata address or a router): an address is refused when it is
// loopback, private, link-local, multicast, unspecified or otherwise not
// a public unicast address, both when the URL is saved and again at every
// connection (the name may resolve differently by then). AllowPrivate
// lifts the refusal and the https requirement, for tests and closed
// installations.

// Errors of the guard, each with its catalogue key for the form.
var (
	ErrURL     = errors.New("webhook: not a usable URL")
	ErrHTTPS   = errors.New("webhook: https is required")
	ErrPrivate = errors.New("webhook: the address is in a private or local network")
)

// Resolver looks names up (net.DefaultResolver, or a fake in tests).
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// Guard decides which URLs and addresses webhooks may reach.
type Guard struct {
	AllowPrivate bool
	Resolver     Resolver
}

// blocked lists what is not public beyond what netip's predicates say:
// carrier-grade NAT, benchmarking, documentation and other special ranges.
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("100::/64"),
	netip.MustParsePrefix("2001::/23"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("2002::/16"),
	netip.MustParsePrefix("fc00::/7"),
}

// PublicAddr reports whether ip is a public unicast address.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || !ip.IsGlobalUnicast() {
		return false
	}
	if ip.Is4() && ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}) {
		return false
	}
	for _, p := range blocked {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// CheckURL refuses a URL webhooks may not call: not http(s), with user
// information, without https (unless allowed), or naming a host that
// resolves to any non-public address (unless allowed).
func (g Guard) CheckURL(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Opaque != "" || (u.Scheme != "https" && u.Scheme != "http") {
		return ErrURL
	}
	if u.Scheme != "https" && !g.AllowPrivate {
		return ErrHTTPS
	}
	if g.AllowPrivate {
		return nil
	}
	host := u.Hostname()
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		if !PublicAddr(ip) {
			return ErrPrivate
		}
		return nil
	}
	r := g.Resolver
	if r == nil {
		r = net.DefaultResolver
	}
	ips, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil || len(ips) == 0 {
		return ErrURL
	}
	// Any private answer refuses the name: which answer a connection
	// would use is not ours to choose.
	for _, ip := range ips {
		if !PublicAddr(ip) {
			return ErrPrivate
		}
	}
	return nil
}

// control refuses a connection to a non-public address, checked on the
// address actually dialled, after resolution.
func (g Guard) control(_, address string, _ syscall.RawConn) error {
	if g.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil || !PublicAddr(ap.Addr()) {
		return ErrPrivate
	}
	return nil
}
