// Package money holds the arithmetic of a partnership's contributions and
// budget: amounts as int64 minor units (cents, fils, millimes) of one ISO
// 4217 currency, never floating point; sums that refuse to overflow; shares
// as basis points computed exactly; needs against pledges and deliveries,
// budgets against spending; and the dominance check of seed 000 ("not a
// single organisation should dominate the partnership"; "funding from a
// range of sources").
//
// No I/O, no clock, no database: every rule here has a table test.
package money
