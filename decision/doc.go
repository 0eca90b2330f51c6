// Package decision holds the pure outcome rules for a partnership's
// decisions: given the method the charter (or a stricter coordinator)
// names, the quorum and the ballots cast, what is the outcome, and how is
// it explained. No I/O, no clock, no database: the store records ballots
// and calls Decide or Prioritise; the pages and the API show the Result.
//
// Decisive methods (Decide) yield one of the outcomes passed, rejected,
// blocked, more_discussion or no_quorum:
//
//   - gradients: Sam Kaner's Gradients of Agreement (Facilitator's Guide
//     to Participatory Decision-Making). Each person places themselves on
//     eight points, from whole-hearted endorsement to a block, so that
//     "yes, but" and "no, unless" are heard rather than hidden in a yes/no.
//     A proposal passes with quorum and with neither a block nor a serious
//     disagreement. When the share of "more discussion needed" is above
//     the charter's threshold (a quarter unless set) the proposal goes back
//     for discussion instead. The whole distribution is always returned, as
//     the method means it to be seen.
//   - consent: consent decision-making as sociocracy practises it. The
//     question is not "do you like it" but "can you live with it": consent,
//     stand aside, object (a reasoned concern the proposal should be
//     improved for) or block. Objections and blocks need a reason. A
//     proposal passes with quorum and no block; objections are listed as
//     unresolved so that they are answered, not forgotten.
//   - majority and two_thirds: yes, no or abstain. Only yes and no are
//     counted as votes cast; a majority is more yes than no (a tie is not a
//     majority), two-thirds is yes at least two thirds of yes and no.
//   - chair: the chair decides after consultation. The consultation uses
//     yes, no and abstain, so that the chair (and everyone) sees a plain
//     count of the advice; the outcome is the chair's recorded decision.
//   - commitment: the Level of Commitment, one ballot per member
//     organisation: against, no commitment, let it happen, help it happen,
//     make it happen. A proposal needs every organisation that answered at
//     the least level it names (say "let it happen"); those below are the
//     gaps, shown by name so that they can be talked through.
//
// Quorum, for every decisive method, counts ballots cast, abstentions and
// stand-asides included, against the eligible voters: a body's seated
// people, or its member organisations when the charter's unit is the
// organisation. The caller passes Eligible accordingly.
//
// Prioritisation methods (Prioritise) order options instead: score (each
// option 0..MaxScore), dots (each voter spreads up to DotsPerVoter dots),
// ranked (a points-by-rank count) and lenses: the Six Strategic Lenses
// (prioritising an issue for its urgency, as a building block for others,
// for the relationships it builds, for its feasibility, its impact and the
// resources it needs), offered as a default set in our own words that a
// partnership may rename, weight, add to or drop. Each option's total
// shows every lens's weighted contribution.
package decision
