package partnerkit

import "testing"

func TestTaskOverdueOn(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		status, due string
		want        bool
	}{
		{TaskTodo, "2026-11-30", true},
		{TaskDoing, "2026-11-30", true},
		{TaskDoing, "2026-12-01", false}, // due today is not late yet
		{TaskDoing, "2026-12-02", false},
		{TaskTodo, "", false},
		{TaskDone, "2026-11-30", false},
		{TaskDropped, "2026-11-30", false},
	} {
		task := Task{Status: c.status, Due: c.due}
		if got := task.OverdueOn("2026-12-01"); got != c.want {
			t.Errorf("%s due %q: overdue %v, want %v", c.status, c.due, got, c.want)
		}
	}
}
