package actor

import (
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/tabular"
	"github.com/partnerkit/partnerkit/web"
)

// The import runs in two steps without keeping anything on the server:
// the upload shows a preview whose form carries the file back (base64 in a
// hidden field) with the chosen column mapping, and confirming imports it.

func (h *Pages) registerActorImport(rt *httpx.Router) {
	edit := httpx.RoleFor(pk.ActionEditActors)
	h.Handle(rt, "GET", "/p/{pid}/actors/import", edit, h.actorImportForm)
	h.Handle(rt, "POST", "/p/{pid}/actors/import", edit, h.actorImportUpload)
	h.Handle(rt, "POST", "/p/{pid}/actors/import/confirm", edit, h.actorImportConfirm)
}

type actorImportData struct {
	Preview *pk.ActorImport
	// File is the uploaded file, base64, for the confirming form.
	File    string
	Fields  []string
	Columns []importColumn
	// Errors are the preview's row errors, translated.
	Errors []string
}

type importColumn struct {
	Index  int
	Name   string
	Field  string
	Sample []string
}

func (h *Pages) actorImportForm(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionEditActors, "actors.import.title", "actors")
	if err != nil {
		return err
	}
	v.Data = &actorImportData{}
	h.Render(w, r, http.StatusOK, templates, "actor_import", v)
	return nil
}

// uploadLimit is the largest request an upload may be: the file and the
// form around it.
const uploadLimit = tabular.MaxBytes + 1<<20

func (h *Pages) actorImportUpload(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionEditActors, "actors.import.title", "actors")
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, uploadLimit)
	var data []byte
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return h.importFormError(w, r, v, pk.FieldInvalid("file", "actors.import.error.too_large", nil))
		}
		return h.importFormError(w, r, v, pk.FieldInvalid("file", "actors.import.error.no_file", nil))
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		return h.importFormError(w, r, v, pk.FieldInvalid("file", "actors.import.error.no_file", nil))
	}
	defer f.Close()
	if data, err = io.ReadAll(io.LimitReader(f, tabular.MaxBytes+1)); err != nil || len(data) > tabular.MaxBytes {
		return h.importFormError(w, r, v, pk.FieldInvalid("file", "actors.import.error.too_large", nil))
	}
	return h.renderPreview(w, r, v, data, nil, http.StatusOK, nil)
}

// importFormError shows the upload form again with a message.
func (h *Pages) importFormError(w http.ResponseWriter, r *http.Request, v *web.View, err error) error {
	v.Data = &actorImportData{}
	return h.FormOr(w, r, err, templates, "actor_import", v)
}

// renderPreview runs a dry import and shows it; refused is the error of a
// confirmation that failed, shown above the preview.
func (h *Pages) renderPreview(w http.ResponseWriter, r *http.Request, v *web.View, data []byte, mapping map[string]string, status int, refused error) error {
	imp, err := h.Actors.ImportActors(r.Context(), v.P.ID, data, mapping, true)
	if err != nil {
		return h.importFormError(w, r, v, err)
	}
	d := &actorImportData{Preview: imp, File: base64.StdEncoding.EncodeToString(data), Fields: pk.ActorImportFields}
	for i, c := range imp.Columns {
		col := importColumn{Index: i, Name: c, Field: imp.Mapping[i]}
		for _, row := range imp.Sample {
			col.Sample = append(col.Sample, row[i])
		}
		d.Columns = append(d.Columns, col)
	}
	l := h.Bundle.Localizer(v.Lang)
	for _, e := range imp.Errors {
		d.Errors = append(d.Errors, importErrorText(l.T, e))
	}
	if refused != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, refused)
		status = httpx.Status(refused)
	}
	v.Data = d
	h.Render(w, r, status, templates, "actor_import", v)
	return nil
}

// importErrorText is "row N: field: message" in the reader's language.
func importErrorText(t func(string, ...any) string, e pk.ImportError) string {
	msg := t(e.Key, e.Data)
	if e.Row == 0 {
		return msg
	}
	field := e.Field
	if i := len("row " + strconv.Itoa(e.Row) + "."); len(field) >= i {
		field = field[i:]
	}
	return t("actors.import.row_error", map[string]any{"Row": e.Row, "Field": t("actors.field." + field), "Message": msg})
}

func (h *Pages) actorImportConfirm(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionEditActors, "actors.import.title", "actors")
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 2*uploadLimit)
	if err := r.ParseForm(); err != nil {
		return h.importFormError(w, r, v, pk.FieldInvalid("file", "actors.import.error.too_large", nil))
	}
	data, err := base64.StdEncoding.DecodeString(r.PostForm.Get("file"))
	if err != nil || len(data) == 0 {
		return h.importFormError(w, r, v, pk.FieldInvalid("file", "actors.import.error.no_file", nil))
	}
	n := web.Atoi(r.PostForm.Get("columns"))
	mapping := map[string]string{}
	for i := 0; i < n && i < tabular.MaxColumns; i++ {
		if c := r.PostForm.Get("column_" + strconv.Itoa(i)); c != "" {
			mapping[c] = r.PostForm.Get("map_" + strconv.Itoa(i))
		}
	}
	imp, err := h.Actors.ImportActors(r.Context(), v.P.ID, data, mapping, false)
	if web.IsFormError(err) {
		return h.renderPreview(w, r, v, data, mapping, http.StatusUnprocessableEntity, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+v.P.ID+"/actors", "flash.actors_imported_"+plural(imp.Imported))
	return nil
}

// plural picks the flash message for one or several imported actors.
func plural(n int) string {
	if n == 1 {
		return "one"
	}
	return "many"
}
