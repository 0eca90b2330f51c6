package partnerkit

import "time"

// Proxy is a voter's proxy for one proposal, given to another eligible
// voter when the charter allows proxies (seed 002's "the charter allows,
// recorded, revocable"). It is recorded for everyone to see — who gave it
// to whom — and never says how the holder voted with it.
type Proxy struct {
	GiverID    string    `json:"giver_id"`
	GiverName  string    `json:"giver_name"`
	HolderID   string    `json:"holder_id"`
	HolderName string    `json:"holder_name"`
	CreatedAt  time.Time `json:"created_at"`
}

// HeldProxy is a proxy the asker holds, with whether the giver's ballot
// has been cast (by the holder or by the giver themselves).
type HeldProxy struct {
	GiverID   string `json:"giver_id"`
	GiverName string `json:"giver_name"`
	Voted     bool   `json:"voted"`
}

// Voter is a person who may vote on a proposal, offered as a proxy holder.
type Voter struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ProxyInput gives the asker's proxy to HolderID.
type ProxyInput struct {
	HolderID string
}

// Validate checks the holder is named.
func (in *ProxyInput) Validate() error {
	var v Validator
	v.Text("holder_id", in.HolderID, true, 64)
	return v.Err()
}

// Bounds of proxies: how many one holder may carry at most, whatever the
// charter says, so that one person never speaks for a whole body.
const (
	MaxProxiesPerHolder = 20
)
