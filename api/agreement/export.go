package agreement

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// docxType is the media type of a Word document.
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// registerExports adds the downloads: the exact Markdown that is signed and
// the Word document. The printable page is the agreement's print page.
func (h *Handlers) registerExports(a *api.API) {
	const tag = "agreements"
	view := httpx.RoleFor(pk.ActionViewAgreements)
	a.Route("GET", "/partnerships/{pid}/agreements/{agid}/agreement.md", view, httpx.OpDoc{Summary: "The exact current text as Markdown: its SHA-256 is text_sha256, the hash the signatures record", Tag: tag,
		Raw: "text/markdown"},
		func(r *http.Request) (any, error) {
			x, err := h.Agreements.ExportAgreement(r.Context(), r.PathValue("pid"), r.PathValue("agid"), "md")
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "text/markdown; charset=utf-8", Filename: fileName(x, "md"), Body: []byte(x.Text)}, nil
		})
	a.Route("GET", "/partnerships/{pid}/agreements/{agid}/agreement.docx", view, httpx.OpDoc{Summary: "The current text as a Word document (opens in LibreOffice and Word), in the asker's language, with the parties, who signed, when, and the text's SHA-256", Tag: tag,
		Raw: docxType},
		func(r *http.Request) (any, error) {
			x, err := h.Agreements.ExportAgreement(r.Context(), r.PathValue("pid"), r.PathValue("agid"), "docx")
			if err != nil {
				return nil, err
			}
			lang := api.Language(r)
			b, err := rules.DOCX(Document(x, lang, h.api.T(r)))
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: docxType, Filename: fileName(x, "docx"), Body: b}, nil
		})
}

// fileName names a download by version: agreement-v2.md.
func fileName(x *pk.Agreement, ext string) string {
	return "agreement-v" + strconv.Itoa(x.TextVersion) + "." + ext
}

// Document is the agreement as a file writes it: under the title its kind,
// version, status and hash; the sections; and last the parties with who
// signed this version, when, and who has still to sign.
func Document(x *pk.Agreement, lang string, t rules.Translate) rules.Document {
	d := rules.Document{Title: x.Title, Lang: lang, RTL: lang == "ar",
		Lead: []string{
			t("agreement.print.status", "Kind", t("agreement.kind."+x.Kind), "Number", x.TextVersion, "Status", t("agreement.status."+x.Status)),
			t("agreement.print.hash", "Hash", x.TextSHA256),
		},
		Sections: slices.Clone(x.Sections)}
	var b strings.Builder
	for _, s := range x.Signatures {
		if !s.Valid {
			continue
		}
		b.WriteString("- " + t("agreement.print.signed", "Name", rules.Escape(s.TypedName), "Organisation", "**"+rules.Escape(s.OrganisationName)+"**",
			"Time", s.SignedAt.UTC().Format("2006-01-02 15:04 UTC")) + "\n")
	}
	if len(x.SignedBy) == 0 {
		b.WriteString(t("agreement.nobody") + "\n")
	}
	if len(x.Missing) > 0 {
		names := make([]string, len(x.Missing))
		for i, m := range x.Missing {
			names[i] = rules.Escape(m.Name)
		}
		b.WriteString("\n**" + t("agreement.missing") + "**: " + strings.Join(names, t("agreement.draft.list_separator")) + "\n")
	}
	d.Sections = append(d.Sections, rules.Section{ID: "signatures", Title: t("agreement.print.signatures"), Body: b.String()})
	return d
}
