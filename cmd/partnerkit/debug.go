package main

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// serveDebug serves Go's profiler on its own listener, apart from the
// application's handler, so that profiles of a running server can be taken
// (docs/performance.md). It refuses any address but a loopback one: the
// profiler shows memory and may be asked for long CPU profiles, so it is for
// someone on the machine, never for the network.
func serveDebug(addr string, log *slog.Logger) (*http.Server, error) {
	hs, _, err := listenDebug(addr, log)
	return hs, err
}

// listenDebug is serveDebug that also says the address it listens on.
func listenDebug(addr string, log *slog.Logger) (*http.Server, string, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", fmt.Errorf("--debug-addr: %w", err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, "", fmt.Errorf("--debug-addr must be a loopback address such as 127.0.0.1:6060, not %q", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, "", err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := hs.Serve(ln); err != nil && err != http.ErrServerClosed {
			log.Error("debug server", "err", err)
		}
	}()
	log.Info("profiler listening", "addr", ln.Addr().String())
	return hs, ln.Addr().String(), nil
}
