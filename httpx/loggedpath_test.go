package httpx

import "testing"

func TestLoggedPathHidesTheFeedSecret(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/calendar/cal_abc123/meetings.ics": "/calendar/[secret]/meetings.ics",
		"/calendar/cal_abc123":              "/calendar/[secret]/",
		"/p/x/meetings":                     "/p/x/meetings",
		"/s/abcdefghijklmnop":               "/s/[secret]",
		"/s":                                "/s",
	} {
		if got := LoggedPath(in); got != want {
			t.Errorf("LoggedPath(%q) = %q, want %q", in, got, want)
		}
	}
}
