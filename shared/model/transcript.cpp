#include "model/transcript.h"

namespace callsearch {

const char* to_string(Layout layout) {
    switch (layout) {
        case Layout::MotleyFool: return "motley-fool";
        case Layout::Bilingual: return "bilingual";
        case Layout::Refinitiv: return "refinitiv";
        case Layout::TwoLineHeader: return "two-line-header";
        case Layout::NameLines: return "name-lines";
        case Layout::InlinePrefix: return "inline-prefix";
        case Layout::DashedLines: return "dashed-lines";
        case Layout::Unattributed: return "unattributed";
    }
    return "unknown";
}

const char* to_string(Section section) {
    return section == Section::Prepared ? "prepared" : "qa";
}

const char* to_string(Lang lang) { return lang == Lang::En ? "en" : "zh"; }

}  // namespace callsearch
