#pragma once
// The stored paragraphs of a page of hits, read from the parts of an index at
// once. Xapian 1.4 fetches a remote document in a network round trip of its
// own (MSet::fetch does not batch them), so ten hits on remote parts were ten
// round trips one after another; read on one thread per remote part, the
// parts' round trips overlap. Local parts read as before, on the caller's thread.

#include <optional>
#include <vector>

#include <xapian.h>

#include "index/stored_paragraph.h"
#include "match/index_parts.h"

namespace callsearch {

// The stored paragraph of each of `dids` (documents of parts.all; 0: none),
// in order: nullopt for 0, for a document that is not there, or whose data
// is damaged. Xapian's other errors (a part gone away, a database modified
// meanwhile) are thrown, on the caller's thread.
[[nodiscard]] std::vector<std::optional<StoredParagraph>> fetch_paragraphs(const IndexParts& parts,
                                                                           const std::vector<Xapian::docid>& dids);

}  // namespace callsearch
