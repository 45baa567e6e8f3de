#include "read/document_reader.h"

#include "read/call_text.h"
#include "read/html_reader.h"
#include "read/json_reader.h"
#include "read/pdf_pages.h"

namespace callsearch {

namespace {

SourceText checked(std::string text, const char* format) {
    try {
        return decode_source_bytes(std::move(text));
    } catch (const InputError& e) {
        throw InputError(std::string("text extracted from the ") + format + ": " + e.what());
    }
}

}  // namespace

DocumentText read_document(std::string bytes, const PdfLimits& pdf_limits) {
    DocumentText out;
    out.format = detect_source_format(bytes);
    switch (out.format) {
        case SourceFormat::Text:
            out.calls.push_back({decode_source_bytes(std::move(bytes)), {}});
            break;
        case SourceFormat::Pdf: {
            if (bytes.size() > kMaxTranscriptBytes) throw InputError("PDF too large");
            PdfPagesText text = join_pdf_pages(read_pdf_pages(bytes, pdf_limits));
            if (text.dropped_lines > 0) {
                std::string note = std::to_string(text.dropped_lines) + " repeated page header/footer lines (";
                for (std::size_t i = 0; i < text.dropped_samples.size(); ++i) {
                    note += (i ? "; " : "") + text.dropped_samples[i].substr(0, 60);
                }
                out.dropped.push_back(note + ")");
            }
            out.calls.push_back({checked(std::move(text.text), "PDF"), {}});
            break;
        }
        case SourceFormat::Html: {
            HtmlText text = read_html_text(bytes);
            out.dropped = std::move(text.dropped);
            out.calls.push_back({checked(std::move(text.text), "HTML page"), {}});
            break;
        }
        case SourceFormat::Json: {
            const std::vector<CallText> calls = read_json_calls(bytes);
            bytes = std::string();
            for (std::size_t i = 0; i < calls.size(); ++i) {
                const std::string label = calls.size() > 1 ? "call " + std::to_string(i + 1) + " of " +
                                                                 std::to_string(calls.size())
                                                           : std::string();
                out.calls.push_back({checked(render_call_text(calls[i]), "JSON"), label});
            }
            break;
        }
    }
    return out;
}

}  // namespace callsearch
