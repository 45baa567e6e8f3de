#include "model/transcript.h"

namespace callsearch {

const char* to_string(Layout layout) {
    return layout == Layout::MotleyFool ? "motley-fool" : "bilingual";
}

const char* to_string(Section section) {
    return section == Section::Prepared ? "prepared" : "qa";
}

const char* to_string(Lang lang) { return lang == Lang::En ? "en" : "zh"; }

}  // namespace callsearch
