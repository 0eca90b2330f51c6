package partnerkit

import (
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/survey"
)

// SurveyValue is one stored part of an answer: a choice (the option's
// index), a rating, a number, or a text. A multiple choice gives one value
// per option ticked, a matrix one per row (Row from 0; -1 elsewhere).
type SurveyValue struct {
	ItemID string
	Row    int
	Num    *int
	Text   string
}

// SurveyItemField is the form field of an item, and of a matrix row
// (row >= 0): the name the page uses and the answer's errors name.
func SurveyItemField(itemID string, row int) string {
	if row < 0 {
		return "q_" + itemID
	}
	return "q_" + itemID + "_" + strconv.Itoa(row)
}

// ParseAnswer checks an answer against the survey's items and turns it
// into values. Every problem is named by its item's field, so the form
// shows each message beside its question; nothing is stored on error.
func ParseAnswer(s *Survey, asksCode bool, in SurveyAnswerInput) ([]SurveyValue, error) {
	var v Validator
	var out []SurveyValue
	if asksCode {
		code := strings.TrimSpace(in.Code)
		if n := len([]rune(code)); n < SurveyCodeMin || n > SurveyCodeMax {
			v.Add("code", "surveys.validation.code", map[string]any{"Min": SurveyCodeMin, "Max": SurveyCodeMax})
		}
	}
	one := func(field string) string {
		if xs := in.Values[field]; len(xs) > 0 {
			return strings.TrimSpace(xs[0])
		}
		return ""
	}
	num := func(n int) *int { return &n }
	for _, it := range s.Items {
		field := SurveyItemField(it.ID, -1)
		switch it.Kind {
		case SurveySection:
		case SurveyChoice:
			raw := one(field)
			if raw == "" {
				if it.Required {
					v.Add(field, "surveys.validation.answer_required", nil)
				}
				continue
			}
			i, err := strconv.Atoi(raw)
			if err != nil || i < 0 || i >= len(it.Options) {
				v.Add(field, "validation.choice", nil)
				continue
			}
			out = append(out, SurveyValue{ItemID: it.ID, Row: -1, Num: num(i)})
		case SurveyMultiple:
			seen := map[int]bool{}
			for _, raw := range in.Values[field] {
				i, err := strconv.Atoi(strings.TrimSpace(raw))
				if err != nil || i < 0 || i >= len(it.Options) {
					v.Add(field, "validation.choice", nil)
					break
				}
				if !seen[i] {
					seen[i] = true
					out = append(out, SurveyValue{ItemID: it.ID, Row: -1, Num: num(i)})
				}
			}
			if len(seen) == 0 && it.Required && !v.Has(field) {
				v.Add(field, "surveys.validation.answer_required", nil)
			}
		case SurveyScale:
			if x, ok := scaleValue(&v, field, one(field), it.Required); ok {
				out = append(out, SurveyValue{ItemID: it.ID, Row: -1, Num: num(x)})
			}
		case SurveyMatrix:
			for r := range it.Rows {
				rf := SurveyItemField(it.ID, r)
				if x, ok := scaleValue(&v, rf, one(rf), it.Required); ok {
					out = append(out, SurveyValue{ItemID: it.ID, Row: r, Num: num(x)})
				}
			}
		case SurveyNumber:
			raw := one(field)
			if raw == "" {
				if it.Required {
					v.Add(field, "surveys.validation.answer_required", nil)
				}
				continue
			}
			x, err := strconv.Atoi(raw)
			if err != nil || x < -SurveyNumberMax || x > SurveyNumberMax {
				v.Add(field, "surveys.validation.number", map[string]any{"Min": -SurveyNumberMax, "Max": SurveyNumberMax})
				continue
			}
			out = append(out, SurveyValue{ItemID: it.ID, Row: -1, Num: num(x)})
		case SurveyText:
			raw := one(field)
			if raw == "" {
				if it.Required {
					v.Add(field, "surveys.validation.answer_required", nil)
				}
				continue
			}
			v.Text(field, raw, true, 2000)
			out = append(out, SurveyValue{ItemID: it.ID, Row: -1, Text: raw})
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func scaleValue(v *Validator, field, raw string, required bool) (int, bool) {
	if raw == "" {
		if required {
			v.Add(field, "surveys.validation.answer_required", nil)
		}
		return 0, false
	}
	x, err := strconv.Atoi(raw)
	if err != nil || x < ScaleMin || x > ScaleMax {
		v.Add(field, "validation.range", map[string]any{"Min": ScaleMin, "Max": ScaleMax})
		return 0, false
	}
	return x, true
}

// SurveyFromTemplate makes a survey's input from a template, its texts in
// the language of t (a catalogue lookup). ok is false for an unknown name.
func SurveyFromTemplate(name string, t func(key string) string) (SurveyInput, bool) {
	tpl, ok := survey.TemplateNamed(name)
	if !ok {
		return SurveyInput{}, false
	}
	in := SurveyInput{Title: t(tpl.TitleKey), Kind: SurveySingle, SetItems: true}
	if tpl.IntroKey != "" {
		in.Intro = t(tpl.IntroKey)
	}
	if tpl.PrePost {
		in.Kind = SurveyPrePost
	}
	for _, it := range tpl.Items {
		x := SurveyItemInput{Kind: it.Kind, Prompt: t(it.PromptKey), Required: it.Required, Correct: it.Correct}
		if it.HelpKey != "" {
			x.Help = t(it.HelpKey)
		}
		for _, k := range it.OptionKeys {
			x.Options = append(x.Options, t(k))
		}
		for _, k := range it.RowKeys {
			x.Rows = append(x.Rows, t(k))
		}
		in.Items = append(in.Items, x)
	}
	return in, true
}
