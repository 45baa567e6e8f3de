#include "match/paragraph_fetch.h"

#include <stdexcept>

namespace callsearch {

namespace {

std::optional<StoredParagraph> fetch_one(const Xapian::Database& db, Xapian::docid did) {
    if (did == 0) return std::nullopt;
    try {
        return read_paragraph(db.get_document(did));
    } catch (const Xapian::DocNotFoundError&) {
        return std::nullopt;
    } catch (const std::runtime_error&) {  // damaged data (Xapian's errors are no std::exception)
        return std::nullopt;
    }
}

}  // namespace

std::vector<std::optional<StoredParagraph>> fetch_paragraphs(const IndexParts& parts,
                                                             const std::vector<Xapian::docid>& dids) {
    std::vector<std::optional<StoredParagraph>> out(dids.size());
    if (parts.single()) {
        for (std::size_t i = 0; i < dids.size(); ++i) out[i] = fetch_one(parts.all, dids[i]);
        return out;
    }
    parts.on_each_part([&](std::size_t p) {
        for (std::size_t i = 0; i < dids.size(); ++i) {
            if (dids[i] != 0 && parts.part_of(dids[i]) == p) out[i] = fetch_one(parts.parts[p], parts.local_docid(dids[i]));
        }
    });
    return out;
}

}  // namespace callsearch
