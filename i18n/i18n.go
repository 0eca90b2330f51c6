// Package i18n holds the interface's message catalogues (catalog/*.toml,
// one file per area and language: "platform.en.toml", "platform.ar.toml", …)
// and translates message IDs with CLDR plural rules (go-i18n).
//
// Catalogue files are flat: `"some.message.id" = "Text with {{.Placeholder}}"`,
// or a table with plural forms (zero, one, two, few, many, other) for
// messages that take a count. English is the source; a test fails when any
// other language lacks a message English has, or has one English lacks.
package i18n

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed catalog/*.toml
var catalog embed.FS

// Languages supported, English first (the fallback).
var Languages = []string{"en", "ar", "fr"}

var tags = []language.Tag{language.English, language.Arabic, language.French}

// Bundle is the loaded catalogues.
type Bundle struct {
	b          *i18n.Bundle
	localizers map[string]*Localizer
}

// Load parses every catalogue.
func Load() (*Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	files, err := fs.Glob(catalog, "catalog/*.toml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := catalog.ReadFile(f)
		if err != nil {
			return nil, err
		}
		// go-i18n takes the language from the file name's second-to-last part.
		if _, err := b.ParseMessageFileBytes(data, path.Base(f)); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	out := &Bundle{b: b, localizers: map[string]*Localizer{}}
	for _, l := range Languages {
		out.localizers[l] = &Localizer{lang: l, l: i18n.NewLocalizer(b, l)}
	}
	return out, nil
}

// MustLoad is Load for program start and tests.
func MustLoad() *Bundle {
	b, err := Load()
	if err != nil {
		panic(err)
	}
	return b
}

// Localizer returns the translator for a supported language, English otherwise.
func (b *Bundle) Localizer(lang string) *Localizer {
	if l, ok := b.localizers[lang]; ok {
		return l
	}
	return b.localizers["en"]
}

// Match picks the best supported language for an Accept-Language header.
func Match(acceptLanguage string) string {
	prefs, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(prefs) == 0 {
		return "en"
	}
	_, i, conf := language.NewMatcher(tags).Match(prefs...)
	if conf == language.No {
		return "en"
	}
	return Languages[i]
}

// Supported reports whether lang is one of ours.
func Supported(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// Dir is the writing direction of a language.
func Dir(lang string) string {
	if lang == "ar" {
		return "rtl"
	}
	return "ltr"
}

// Localizer translates into one language.
type Localizer struct {
	lang string
	l    *i18n.Localizer
	// plain keeps the texts of messages asked for without arguments, which
	// depend on nothing but the ID: a page asks for hundreds, and each
	// went through go-i18n's lookup and template anew. Only IDs the
	// catalogue has are kept, so the map is as bounded as the catalogue.
	plain sync.Map // message ID → text
}

// Lang is the localizer's language code.
func (l *Localizer) Lang() string { return l.lang }

// T translates a message ID. Arguments are either one map of placeholders
// or pairs of name and value; a value named Count also picks the plural form.
// A missing message shows its ID, so the gap is visible (and a test catches it).
func (l *Localizer) T(id string, args ...any) string {
	if len(args) == 0 {
		if s, ok := l.plain.Load(id); ok {
			return s.(string)
		}
		s := l.translate(id)
		if s != id {
			l.plain.Store(id, s)
		}
		return s
	}
	return l.translate(id, args...)
}

func (l *Localizer) translate(id string, args ...any) string {
	data := map[string]any{}
	if len(args) == 1 {
		if m, ok := args[0].(map[string]any); ok {
			data = m
		}
	} else {
		for i := 0; i+1 < len(args); i += 2 {
			if k, ok := args[i].(string); ok {
				data[k] = args[i+1]
			}
		}
	}
	data = l.translateLists(data)
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if c, ok := data["Count"]; ok {
		cfg.PluralCount = c
	}
	// On a missing plural form go-i18n falls back to "other" but still
	// reports an error; the fallback text is what we want then.
	s, _ := l.l.Localize(cfg)
	if s == "" {
		return id
	}
	return s
}

// Has reports whether a message ID exists in English (the source language).
func (b *Bundle) Has(id string) bool {
	_, err := i18n.NewLocalizer(b.b, "en").Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// MessageIDs returns, per catalogue file, the message IDs it defines, for
// the completeness test.
func MessageIDs() (map[string][]string, error) {
	files, err := fs.Glob(catalog, "catalog/*.toml")
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, f := range files {
		var m map[string]any
		data, err := catalog.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if _, err := toml.Decode(string(data), &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		var ids []string
		for k := range m {
			ids = append(ids, k)
		}
		sort.Strings(ids)
		out[strings.TrimPrefix(f, "catalog/")] = ids
	}
	return out, nil
}

// Keys returns the message IDs one catalogue file defines (by its name,
// e.g. "readiness.en.toml"), for tests that check a package's IDs exist.
func Keys(file string) (map[string]bool, error) {
	all, err := MessageIDs()
	if err != nil {
		return nil, err
	}
	ids, ok := all[file]
	if !ok {
		return nil, fmt.Errorf("no catalogue %s", file)
	}
	keys := make(map[string]bool, len(ids))
	for _, id := range ids {
		keys[id] = true
	}
	return keys, nil
}

// messageList is a placeholder value naming several messages (the choices of
// a refused field): each is translated and the list joined the way the
// language writes lists, so no reader sees internal codes.
type messageList interface{ MessageIDs() []string }

// translateLists returns data with every message list replaced by its
// translated text; data itself is left as it was (it may be shared).
func (l *Localizer) translateLists(data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		ml, ok := v.(messageList)
		if !ok {
			continue
		}
		if out == nil {
			out = make(map[string]any, len(data))
			for k2, v2 := range data {
				out[k2] = v2
			}
		}
		ids := ml.MessageIDs()
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = l.T(id)
		}
		out[k] = strings.Join(names, l.listSeparator())
	}
	if out == nil {
		return data
	}
	return out
}

// listSeparator separates the items of a list: Arabic uses its own comma.
func (l *Localizer) listSeparator() string {
	if l.lang == "ar" {
		return "، "
	}
	return ", "
}
