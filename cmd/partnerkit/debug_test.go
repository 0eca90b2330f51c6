package main

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestServeDebugOnlyOnLoopback(t *testing.T) {
	t.Parallel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:6060", "example.org:6060", "nonsense"} {
		if hs, err := serveDebug(addr, log); err == nil {
			hs.Close()
			t.Errorf("%q was accepted", addr)
		}
	}
	hs, err := serveDebug("127.0.0.1:0", log)
	if err != nil {
		t.Fatal(err)
	}
	hs.Close()
}

func TestServeDebugAnswers(t *testing.T) {
	t.Parallel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	hs, addr, err := listenDebug("127.0.0.1:0", log)
	if err != nil {
		t.Fatal(err)
	}
	defer hs.Close()
	res, err := http.Get("http://" + addr + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "goroutine") {
		t.Fatalf("the profiler's index: %d %.200s", res.StatusCode, body)
	}
}
