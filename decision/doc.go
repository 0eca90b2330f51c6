// Package decision holds the pure outcome rules for a partnership's
// decisions: given the method the charter (or a stricter coordinator)
// names, the quorum and the ballots cast, what is the outcome, and what
// explains it. No I/O, no clock, no database: the store records ballots
// and calls Decide (or Tally while a ballot is open) and Prioritise; the
// pages and the API show the Result. Bad input is refused with a pk.Error
// naming the field ("ballots.3.reason"), never a partial result.
//
// # Deciding one proposal
//
// Decide yields one of passed, rejected, blocked, more_discussion or
// no_quorum. Quorum comes first for every method: ballots cast,
// abstentions and stand-asides included, must be at least
// ceil(quorum × eligible), where eligible is a body's seated people, or its
// member organisations when the charter's unit is the organisation (the
// caller counts them). A quorum of 0 means any turnout but never none: with
// no ballot at all the outcome is no_quorum, because a decision nobody took
// part in was not taken — otherwise consent would pass a proposal in an
// empty room.
//
//   - gradients: Sam Kaner's Gradients of Agreement (Facilitator's Guide to
//     Participatory Decision-Making). Each person places themselves on eight
//     points — endorse, agree with a minor point, support with reservations,
//     abstain, more discussion needed, don't like it but will support,
//     serious disagreement, block — so that "yes, but" and "no, unless" are
//     heard rather than flattened into yes or no. After the quorum: a block
//     blocks; else, when the share of "more discussion needed" is above the
//     charter's threshold (a quarter unless set; exactly at it is not
//     above), the proposal goes back for discussion; else a serious
//     disagreement rejects it; else it passes. The whole distribution is
//     always returned, as the method means it to be seen, and reasons given
//     with a serious disagreement or a block are listed.
//   - consent: consent decision-making as sociocracy practises it. The
//     question is not "do you like it" but "can you live with it": consent,
//     stand aside, object or block; an objection or a block must give its
//     reason. A proposal passes with quorum and no block; the objections are
//     listed as unresolved, so that they are answered, not forgotten.
//   - majority and two_thirds: yes, no or abstain. Only yes and no are votes
//     cast; abstentions count for the quorum alone. A majority is more yes
//     than no (a tie is not a majority); two-thirds is yes at least two
//     thirds of yes plus no (4 of 6 passes, 3 of 5 does not).
//   - chair: the chair decides after consultation. The consultation uses yes,
//     no and abstain — a plain count of the advice the chair weighs, which
//     everyone sees — and must reach the quorum; the outcome is then the
//     chair's recorded decision, passed or rejected, whatever the count.
//   - commitment: the Level of Commitment, one ballot per member
//     organisation: against, no commitment, let it happen, help it happen,
//     make it happen. The proposal names the least level it needs of each
//     organisation (say "help it happen"); those below it are the gaps,
//     named so that they can be talked through, and a proposal with gaps is
//     rejected as it stands.
//
// # Stricter, never looser
//
// A coordinator may put one decision to a stricter method than the charter
// names, and raise its quorum, never the reverse (AtLeastAsStrict,
// QuorumAtLeast). From loosest to strictest: chair, majority, two_thirds,
// consent, gradients — ordered by how hard it is to pass a proposal over
// the doubts of some (see strictness).
//
// # Ordering options
//
// Prioritise orders options instead: score (each voter scores options
// 0..MaxScore, totals add up), dots (each voter spreads up to DotsPerVoter
// dots), ranked (a points-by-rank count after Borda: first of n options
// earns n points) and lenses. The lenses follow the Six Strategic Lenses
// for prioritisation: is it urgent, does other work wait on it, does it
// build relationships, can we do it, what difference will it make, is it
// worth its cost. They are offered as a default set in our own words that a
// partnership may rename, weight, add to or drop; each option's total shows
// every lens's weighted contribution. Higher totals come first; equal
// totals share a position and keep the order the options were given in.
package decision
