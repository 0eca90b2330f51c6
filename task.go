package partnerkit

import (
	"strings"
	"time"
)

// Task is one piece of work in an action plan: who does it (a person and
// their organisation), by when, and where it came from (a meeting's action
// item or a tactic on a map).
type Task struct {
	ID               string `json:"id"`
	PartnershipID    string `json:"partnership_id"`
	PartnershipName  string `json:"partnership_name,omitempty"`
	PlanID           string `json:"plan_id"`
	PlanTitle        string `json:"plan_title"`
	Title            string `json:"title"`
	Notes            string `json:"notes"`
	AssigneeID       string `json:"assignee_id,omitempty"`
	AssigneeName     string `json:"assignee_name,omitempty"`
	OrganisationID   string `json:"organisation_id,omitempty"`
	OrganisationName string `json:"organisation_name,omitempty"`
	Due              string `json:"due,omitempty"` // YYYY-MM-DD
	Status           string `json:"status"`
	// TacticID links the task to a tactic on a map; TacticTitle is empty
	// when the tactic is about an actor the asker may not see.
	TacticID    string `json:"tactic_id,omitempty"`
	TacticTitle string `json:"tactic_title,omitempty"`
	// ActionItemID links the task to a meeting's action item, of meeting
	// MeetingID.
	ActionItemID string `json:"action_item_id,omitempty"`
	MeetingID    string `json:"meeting_id,omitempty"`
	// Overdue: not done or dropped and due before today.
	Overdue   bool       `json:"overdue"`
	DoneAt    *time.Time `json:"done_at,omitempty"`
	Version   int        `json:"version"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// The states of a task.
const (
	TaskTodo    = "todo"
	TaskDoing   = "doing"
	TaskDone    = "done"
	TaskDropped = "dropped"
)

// TaskStatuses lists the states in order.
var TaskStatuses = []string{TaskTodo, TaskDoing, TaskDone, TaskDropped}

// Open reports whether the task still needs doing.
func (t *Task) Open() bool { return t.Status == TaskTodo || t.Status == TaskDoing }

// OverdueOn reports whether the task is overdue on day today (YYYY-MM-DD):
// still open and due before that day. The store's lists apply the same
// rule in SQL, to filter and count.
func (t *Task) OverdueOn(today string) bool { return t.Open() && t.Due != "" && t.Due < today }

// TaskInput creates or changes a task.
type TaskInput struct {
	PlanID         string
	Title          string
	Notes          string
	AssigneeID     string
	OrganisationID string
	Due            string
	Status         string
	TacticID       string
	ActionItemID   string
	Version        int
}

// Validate checks a task's own fields; the store checks the plan, the
// person, the organisation and the links.
func (in *TaskInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	if in.Status == "" {
		in.Status = TaskTodo
	}
	if strings.TrimSpace(in.PlanID) == "" {
		v.Add("plan_id", "validation.required", nil)
	}
	v.Text("title", in.Title, true, 300)
	v.Text("notes", in.Notes, false, 4000)
	v.OneOf("status", in.Status, true, TaskStatuses)
	checkDate(&v, "due", in.Due)
	return v.Err()
}

// TaskStatusInput is what the person a task is given to may change: its
// status.
type TaskStatusInput struct {
	Status  string
	Version int
}

// Validate checks the status.
func (in *TaskStatusInput) Validate() error {
	var v Validator
	v.OneOf("status", in.Status, true, TaskStatuses)
	return v.Err()
}

// TaskFilter narrows a partnership's tasks. Overdue keeps open tasks due
// before today; the others keep one plan's, one person's or one
// organisation's tasks.
type TaskFilter struct {
	PlanID         string
	AssigneeID     string
	OrganisationID string
	Status         string
	Overdue        bool
}

// TaskList is a page of a partnership's tasks: the tasks, the cursor of
// the next page ("" at the last) and the kept value they were read from.
type TaskList struct {
	Items []*Task
	Next  string
	Kept  Kept
}

// Validate checks a filter's status.
func (f *TaskFilter) Validate() error {
	var v Validator
	v.OneOf("status", f.Status, false, TaskStatuses)
	return v.Err()
}
