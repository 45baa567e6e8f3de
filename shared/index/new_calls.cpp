#include "index/new_calls.h"

#include <algorithm>
#include <exception>

namespace callsearch {

namespace {

// Fingerprints of the calls the index holds of `file_key` (in `db`), none
// when it holds nothing readable of them.
std::set<std::string> fingerprints_held(const Xapian::Database& db, const std::string& file_key,
                                        const FileRecord& record) {
    std::map<std::string, std::size_t> index_of;  // call digest -> call index
    for (std::size_t i = 0; i < record.calls; ++i) index_of.emplace(schema::call_digest(file_key, i), i);
    std::vector<std::vector<std::string>> docs(record.calls);
    const std::string term = schema::file_term(file_key);
    // Documents of a file are written, and merged, in order.
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        ParagraphData data = decode_paragraph_data(db.get_document(*it).get_data());
        const auto at = index_of.find(data.file_digest);
        if (at != index_of.end()) docs[at->second].push_back(encode_paragraph_data(data.paragraph, ""));
    }
    std::set<std::string> out;
    for (const auto& [digest, i] : index_of) {
        const std::string stored = db.get_metadata(call_record_key(digest));
        if (stored.empty()) continue;
        out.insert(call_fingerprint(decode_call_record(stored), docs[i]));
    }
    return out;
}

}  // namespace

std::string call_fingerprint(const StoredCall& call, const std::vector<std::string>& docs) {
    std::string bytes = encode_call_record(call);
    for (const std::string& d : docs) {
        bytes += '\x1e';
        bytes += d;
    }
    return content_hash(bytes);
}

NewCallTracker::NewCallTracker(const std::map<std::string, FileRecord>& before) : before_(before) {
    for (const auto& [key, record] : before_) hashes_before_.insert(record.content_hash);
}

void NewCallTracker::written(const std::string& file_key, const FileRecord& record,
                             const std::vector<StoredCall>& calls, const std::vector<Xapian::Document>& docs) {
    if (hashes_before_.count(record.content_hash)) return;
    if (!before_.count(file_key)) {
        const std::lock_guard lock(mutex_);
        for (const StoredCall& c : calls) added_.push_back({file_key, c.call});
        return;
    }
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < calls.size(); ++i) index_of.emplace(schema::call_digest(file_key, i), i);
    std::vector<std::vector<std::string>> data(calls.size());
    for (const Xapian::Document& doc : docs) {
        ParagraphData d = decode_paragraph_data(doc.get_data());
        const auto at = index_of.find(d.file_digest);
        if (at != index_of.end()) data[at->second].push_back(encode_paragraph_data(d.paragraph, ""));
    }
    Rewritten r{file_key, {}};
    for (std::size_t i = 0; i < calls.size(); ++i) r.calls.emplace_back(calls[i].call, call_fingerprint(calls[i], data[i]));
    const std::lock_guard lock(mutex_);
    rewritten_.push_back(std::move(r));
}

std::vector<schema::CallRef> NewCallTracker::new_calls(
    const std::function<const Xapian::Database*(const std::string&)>& before_of) const {
    std::vector<schema::CallRef> out = added_;
    for (const Rewritten& r : rewritten_) {
        std::set<std::string> held;
        if (const Xapian::Database* before_db = before_of ? before_of(r.file_key) : nullptr) {
            try {
                held = fingerprints_held(*before_db, r.file_key, before_.at(r.file_key));
            } catch (const Xapian::Error&) {
                held.clear();  // what cannot be read back counts as not held
            } catch (const std::exception&) {
                held.clear();
            }
        }
        for (const auto& [call_key, fingerprint] : r.calls) {
            if (!held.count(fingerprint)) out.push_back({r.file_key, call_key});
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace callsearch
