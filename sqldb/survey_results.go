package sqldb

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/survey"
	"github.com/partnerkit/partnerkit/tabular"
)

// inItems makes "$n, $n+1, …" for the IDs of items, after args.
func inItems(args []any, items []*pk.SurveyItem) ([]any, string) {
	marks := make([]string, len(items))
	for i, it := range items {
		args = append(args, it.ID)
		marks[i] = "$" + strconv.Itoa(len(args))
	}
	return args, strings.Join(marks, ", ")
}

// resultKey names one group of values: a round's item's row.
type resultKey struct {
	round, item string
	row         int
}

// SurveyResults computes a survey's results with a handful of GROUP BY
// queries, whatever the number of answers; no query reads one answer.
func (store *SurveyStore) SurveyResults(ctx context.Context, pid, svid string) (*pk.SurveyResults, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewSurveys)
	if err != nil {
		return nil, err
	}
	q := store.db.read
	s, err := loadSurvey(ctx, q, pid, svid)
	if err != nil {
		return nil, err
	}
	var counted, numbers []*pk.SurveyItem
	for _, it := range s.Items {
		switch it.Kind {
		case pk.SurveyChoice, pk.SurveyMultiple, pk.SurveyScale, pk.SurveyMatrix:
			counted = append(counted, it)
		case pk.SurveyNumber:
			numbers = append(numbers, it)
		}
	}
	// How many answered each item (a multiple choice gives several values).
	answered := map[resultKey]int{}
	err = eachRow(q.QueryContext(ctx, `SELECT round, item_id, COUNT(DISTINCT answer_id) FROM survey_values
		WHERE survey_id = $1 GROUP BY round, item_id`, svid))(func(row rowScanner) error {
		var k resultKey
		var n int
		err := row.Scan(&k.round, &k.item, &n)
		k.row = -1
		answered[k] = n
		return err
	})
	if err != nil {
		return nil, err
	}
	// The count of each option or point.
	counts := map[resultKey]map[int]int{}
	if len(counted) > 0 {
		args, marks := inItems([]any{svid}, counted)
		err = eachRow(q.QueryContext(ctx, `SELECT round, item_id, row_index, num_value, COUNT(*) FROM survey_values
			WHERE survey_id = $1 AND item_id IN (`+marks+`) AND num_value IS NOT NULL
			GROUP BY round, item_id, row_index, num_value`, args...))(func(row rowScanner) error {
			var k resultKey
			var value, n int
			if err := row.Scan(&k.round, &k.item, &k.row, &value, &n); err != nil {
				return err
			}
			if counts[k] == nil {
				counts[k] = map[int]int{}
			}
			counts[k][value] = n
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// Numbers: how many, their sum, the least and the most.
	type numStats struct {
		n             int
		sum, min, max int64
	}
	stats := map[resultKey]numStats{}
	if len(numbers) > 0 {
		args, marks := inItems([]any{svid}, numbers)
		err = eachRow(q.QueryContext(ctx, `SELECT round, item_id, COUNT(*), SUM(num_value), MIN(num_value), MAX(num_value)
			FROM survey_values WHERE survey_id = $1 AND item_id IN (`+marks+`) AND num_value IS NOT NULL
			GROUP BY round, item_id`, args...))(func(row rowScanner) error {
			var k resultKey
			var x numStats
			err := row.Scan(&k.round, &k.item, &x.n, &x.sum, &x.min, &x.max)
			k.row = -1
			stats[k] = x
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	out := &pk.SurveyResults{Survey: s}
	for _, round := range pk.RoundsOf(s.Kind) {
		rr := &pk.RoundResults{Round: round, Answers: s.Answers[round], Items: []*pk.ItemResults{}}
		rr.TooFew = survey.TooFew(s.Anonymous, rr.Answers)
		out.Rounds = append(out.Rounds, rr)
		if rr.TooFew {
			continue
		}
		for _, it := range s.Items {
			if !it.Asks() {
				continue
			}
			ir := &pk.ItemResults{ItemID: it.ID, Kind: it.Kind, Prompt: it.Prompt, Correct: it.Correct,
				Answered: answered[resultKey{round, it.ID, -1}]}
			ir.TooFew = survey.TooFew(s.Anonymous, ir.Answered)
			rr.Items = append(rr.Items, ir)
			if ir.TooFew {
				ir.Answered = 0
				continue
			}
			switch it.Kind {
			case pk.SurveyChoice, pk.SurveyMultiple:
				ir.Labels = it.Options
				c := counts[resultKey{round, it.ID, -1}]
				ir.Counts = make([]int, len(it.Options))
				for i := range ir.Counts {
					ir.Counts[i] = c[i]
				}
			case pk.SurveyScale:
				ir.Counts, ir.Mean = scaleCounts(counts[resultKey{round, it.ID, -1}])
			case pk.SurveyMatrix:
				for r, label := range it.Rows {
					row := &pk.RowResults{Label: label}
					c := counts[resultKey{round, it.ID, r}]
					for _, n := range c {
						row.Answered += n
					}
					if row.TooFew = survey.TooFew(s.Anonymous, row.Answered); row.TooFew {
						row.Answered = 0
					} else {
						row.Counts, row.Mean = scaleCounts(c)
					}
					ir.Rows = append(ir.Rows, row)
				}
			case pk.SurveyNumber:
				if x, ok := stats[resultKey{round, it.ID, -1}]; ok && x.n > 0 {
					mean := float64(x.sum) / float64(x.n)
					lo, hi := int(x.min), int(x.max)
					ir.Mean, ir.Min, ir.Max = &mean, &lo, &hi
				}
			case pk.SurveyText:
				texts, err := collect(func(row rowScanner) (string, error) {
					var t string
					return t, row.Scan(&t)
				})(q.QueryContext(ctx, `SELECT text_value FROM survey_values
					WHERE survey_id = $1 AND round = $2 AND item_id = $3 AND row_index = -1 AND text_value <> ''
					ORDER BY text_value LIMIT $4`, svid, round, it.ID, pk.MaxSurveyTexts+1))
				if err != nil {
					return nil, err
				}
				ir.Texts, ir.TextsCut = cut(texts, pk.MaxSurveyTexts)
			}
		}
	}
	if s.Kind == pk.SurveyPrePost {
		named := !s.Anonymous && pk.Can(p.MyRole, pk.ActionEditSurveys)
		if out.Paired, err = pairedResults(ctx, q, s, named); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scaleCounts turns the counts of points 1–5 into a list and their mean.
func scaleCounts(c map[int]int) ([]int, *float64) {
	out := make([]int, pk.ScaleMax-pk.ScaleMin+1)
	sum, n := 0, 0
	for v, k := range c {
		if v >= pk.ScaleMin && v <= pk.ScaleMax {
			out[v-pk.ScaleMin] = k
			sum += v * k
			n += k
		}
	}
	if n == 0 {
		return out, nil
	}
	mean := float64(sum) / float64(n)
	return out, &mean
}

// pairedResults scores each paired answer in one grouped query and pairs
// them with the rule package.
func pairedResults(ctx context.Context, q queryer, s *pk.Survey, named bool) (*pk.PairedResults, error) {
	knowledge := 0
	for _, it := range s.Items {
		if it.Kind == pk.SurveyChoice && it.Correct >= 0 {
			knowledge++
		}
	}
	out := &pk.PairedResults{Score: "mean_rating"}
	if knowledge > 0 {
		out.Score = "percent_right"
	}
	scores := map[string]map[string]float64{pk.RoundPre: {}, pk.RoundPost: {}}
	names := map[string]string{}
	err := eachRow(q.QueryContext(ctx, `
		SELECT a.pair_key, a.round, COALESCE(u.name, ''),
			COALESCE(SUM(CASE WHEN i.kind = 'single' AND i.correct >= 0 AND v.num_value = i.correct THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN i.kind IN ('scale', 'matrix') THEN v.num_value ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN i.kind IN ('scale', 'matrix') AND v.num_value IS NOT NULL THEN 1 ELSE 0 END), 0)
		FROM survey_answers a
		LEFT JOIN users u ON u.id = a.respondent_id
		LEFT JOIN survey_values v ON v.answer_id = a.id
		LEFT JOIN survey_items i ON i.id = v.item_id
		WHERE a.survey_id = $1 AND a.pair_key <> ''
		GROUP BY a.id, a.pair_key, a.round, u.name`, s.ID))(func(row rowScanner) error {
		var key, round, name string
		var right, sum, ratings int64
		if err := row.Scan(&key, &round, &name, &right, &sum, &ratings); err != nil {
			return err
		}
		if score, ok := survey.Score(int(right), knowledge, int(sum), int(ratings)); ok && scores[round] != nil {
			scores[round][key] = score
			names[key] = name
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pairing := survey.Paired(scores[pk.RoundPre], scores[pk.RoundPost])
	out.Pairs, out.Unpaired = len(pairing.Pairs), pairing.Unpaired
	if out.TooFew = survey.TooFew(s.Anonymous, out.Pairs); out.TooFew {
		out.Pairs, out.Unpaired = 0, 0
		return out, nil
	}
	out.MeanPre, out.MeanPost, out.MeanChange = pairing.MeanPre, pairing.MeanPost, pairing.MeanChange
	out.Improved, out.Same, out.Worse = pairing.Improved, pairing.Same, pairing.Worse
	pairs, cutList := cut(pairing.Pairs, pk.MaxSurveyPairs)
	out.RespondentsCut = cutList
	for i, x := range pairs {
		r := &pk.PairedRespondent{Number: i + 1, Pre: x.Pre, Post: x.Post, Change: x.Change}
		if named {
			r.Name = names[x.Key]
		}
		out.Respondents = append(out.Respondents, r)
	}
	return out, nil
}

// eachRow runs fn on every row of a query and closes the rows.
func eachRow(rows *sql.Rows, err error) func(fn func(rowScanner) error) error {
	return func(fn func(rowScanner) error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
}

// ExportSurvey writes the answers as a table: one row per answer, one
// column per question (a matrix: per row). Rows are in the order of the
// answers' random IDs, not the order they came in; no column holds a time,
// a link or an account, except the respondent's name on a named survey for
// coordinators. An anonymous round of fewer than SurveyMinGroup answers is
// left out, as on the results page.
func (store *SurveyStore) ExportSurvey(ctx context.Context, pid, svid, format string) ([]byte, error) {
	if format != "csv" && format != "xlsx" {
		return nil, pk.FieldInvalid("format", "validation.choice", nil)
	}
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionExportSurveys)
	if err != nil {
		return nil, err
	}
	q := store.db.read
	s, err := loadSurvey(ctx, q, pid, svid)
	if err != nil {
		return nil, err
	}
	withNames := !s.Anonymous && pk.Can(p.MyRole, pk.ActionEditSurveys)
	header := []string{"answer", "round"}
	if withNames {
		header = append(header, "respondent")
	}
	column := map[resultKey]int{}
	for _, it := range s.Items {
		switch it.Kind {
		case pk.SurveySection:
		case pk.SurveyMatrix:
			for r, label := range it.Rows {
				column[resultKey{"", it.ID, r}] = len(header)
				header = append(header, it.Prompt+": "+label)
			}
		default:
			column[resultKey{"", it.ID, -1}] = len(header)
			header = append(header, it.Prompt)
		}
	}
	shown := map[string]bool{}
	for _, round := range pk.RoundsOf(s.Kind) {
		shown[round] = !survey.TooFew(s.Anonymous, s.Answers[round])
	}
	items := map[string]*pk.SurveyItem{}
	for _, it := range s.Items {
		items[it.ID] = it
	}
	var table [][]string
	var cur []string
	last := ""
	err = eachRow(q.QueryContext(ctx, `
		SELECT a.id, a.round, COALESCE(u.name, ''), COALESCE(v.item_id, ''), COALESCE(v.row_index, -1), v.num_value, COALESCE(v.text_value, '')
		FROM survey_answers a LEFT JOIN users u ON u.id = a.respondent_id LEFT JOIN survey_values v ON v.answer_id = a.id
		WHERE a.id IN (SELECT id FROM survey_answers WHERE survey_id = $1 ORDER BY id LIMIT $2)
		ORDER BY a.id, v.item_id, v.row_index, v.num_value`, svid, pk.MaxSurveyExport))(func(row rowScanner) error {
		var id, round, name, itemID, text string
		var rowIndex int
		var num sql.NullInt64
		if err := row.Scan(&id, &round, &name, &itemID, &rowIndex, &num, &text); err != nil {
			return err
		}
		if !shown[round] {
			return nil
		}
		if id != last {
			last = id
			cur = make([]string, len(header))
			cur[0] = strconv.Itoa(len(table) + 1)
			cur[1] = round
			if withNames {
				cur[2] = name
			}
			table = append(table, cur)
		}
		it := items[itemID]
		col, ok := column[resultKey{"", itemID, rowIndex}]
		if it == nil || !ok {
			return nil
		}
		cell := text
		if num.Valid {
			n := int(num.Int64)
			cell = strconv.Itoa(n)
			if (it.Kind == pk.SurveyChoice || it.Kind == pk.SurveyMultiple) && n >= 0 && n < len(it.Options) {
				cell = it.Options[n]
			}
		}
		if cur[col] != "" {
			cur[col] += "; " + cell
		} else {
			cur[col] = cell
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var body []byte
	if format == "csv" {
		body, err = tabular.WriteCSV(header, table)
	} else {
		body, err = tabular.WriteXLSX("answers", header, table)
	}
	if err != nil {
		return nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		return tx.audit(ctx, pid, "survey.export", "survey", svid, s.Title, nil,
			map[string]any{"format": format, "answers": len(table), "names": withNames})
	})
	return body, err
}
