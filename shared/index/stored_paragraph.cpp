#include "index/stored_paragraph.h"

#include <cstdint>
#include <stdexcept>

namespace callsearch {

namespace {

// Format of both records: a version byte, then fields in a fixed order, each
// a varint or a varint length followed by that many bytes.
constexpr char kParagraphVersion = '\x05';  // '\x01' (schema 4) had no passages, '\x03' no start times, '\x04' no call fields
constexpr char kCallVersion = '\x02';

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

class Reader {
public:
    Reader(std::string_view data, char version, const char* what) : data_(data), what_(what) {
        if (data_.empty() || data_[0] != version) fail();
        pos_ = 1;
    }

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) fail();
            const auto byte = static_cast<unsigned char>(data_[pos_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        fail();
    }

    int small_int() {
        const std::uint64_t v = varint();
        if (v > 1000000) fail();
        return static_cast<int>(v);
    }

    std::string string() {
        const std::uint64_t n = varint();
        if (n > data_.size() - pos_) fail();
        std::string s(data_.substr(pos_, n));
        pos_ += n;
        return s;
    }

    void finish() const {
        if (pos_ != data_.size()) fail();
    }

    [[noreturn]] void fail() const { throw std::runtime_error(std::string("malformed ") + what_); }

private:
    std::string_view data_;
    const char* what_;
    std::size_t pos_ = 0;
};

// A call's fields, in a paragraph's data and in a call record alike (both
// types name them the same).
template <typename Call>
void put_call_fields(std::string& out, const Call& call) {
    put_string(out, call.file);
    put_string(out, call.call);
    put_string(out, call.company);
    put_string(out, call.ticker);
    put_varint(out, static_cast<std::uint64_t>(call.year));
    put_varint(out, static_cast<std::uint64_t>(call.quarter));
    put_varint(out, call.date ? 1 : 0);
    if (call.date) put_string(out, *call.date);
}

template <typename Call>
void read_call_fields(Reader& in, Call& call) {
    call.file = in.string();
    call.call = in.string();
    call.company = in.string();
    call.ticker = in.string();
    call.year = in.small_int();
    call.quarter = in.small_int();
    if (in.varint() != 0) call.date = in.string();
}

}  // namespace

StoredCall stored_call(const CallInfo& call, std::string_view call_key) {
    return StoredCall{call.source_path, std::string(call_key), call.company, call.ticker,
                      call.year,        call.quarter,          call.date};
}

void apply_call(const StoredCall& call, StoredParagraph& into) {
    into.file = call.file;
    into.call = call.call;
    into.company = call.company;
    into.ticker = call.ticker;
    into.year = call.year;
    into.quarter = call.quarter;
    into.date = call.date;
}

std::string encode_paragraph_data(const StoredParagraph& p, std::string_view file_digest) {
    std::string out(1, kParagraphVersion);
    out.reserve(p.text.size() + (p.translation ? p.translation->size() : 0) + 192);
    put_string(out, file_digest);
    put_call_fields(out, p);
    put_string(out, p.speaker);
    put_string(out, p.title);
    put_varint(out, p.roles.size());
    for (const std::string& role : p.roles) put_string(out, role);
    put_string(out, p.firm);
    put_string(out, p.section);
    put_string(out, p.lang);
    put_varint(out, static_cast<std::uint64_t>(p.turn));
    put_varint(out, static_cast<std::uint64_t>(p.paragraph));
    put_varint(out, static_cast<std::uint64_t>(p.passage));
    put_varint(out, static_cast<std::uint64_t>(p.passages));
    put_varint(out, static_cast<std::uint64_t>(p.question_turn));
    put_varint(out, static_cast<std::uint64_t>(p.question_offset));
    put_varint(out, static_cast<std::uint64_t>(p.start_ms + 1));  // 0: no time
    put_string(out, p.text);
    put_varint(out, p.translation ? 1 : 0);
    if (p.translation) put_string(out, *p.translation);
    return out;
}

ParagraphData decode_paragraph_data(std::string_view data) {
    Reader in(data, kParagraphVersion, "stored paragraph");
    ParagraphData out;
    out.file_digest = in.string();
    StoredParagraph& p = out.paragraph;
    read_call_fields(in, p);
    p.speaker = in.string();
    p.title = in.string();
    const std::uint64_t roles = in.varint();
    if (roles > 64) in.fail();
    for (std::uint64_t i = 0; i < roles; ++i) p.roles.push_back(in.string());
    p.firm = in.string();
    p.section = in.string();
    p.lang = in.string();
    p.turn = in.small_int();
    p.paragraph = in.small_int();
    p.passage = in.small_int();
    p.passages = in.small_int();
    p.question_turn = in.small_int();
    p.question_offset = in.small_int();
    p.start_ms = static_cast<std::int64_t>(in.varint()) - 1;
    p.text = in.string();
    if (in.varint() != 0) p.translation = in.string();
    in.finish();
    return out;
}

std::string call_record_key(std::string_view file_digest) {
    return "callsearch.call:" + std::string(file_digest);
}

std::string encode_call_record(const StoredCall& call) {
    std::string out(1, kCallVersion);
    put_call_fields(out, call);
    return out;
}

StoredCall decode_call_record(std::string_view data) {
    Reader in(data, kCallVersion, "call record");
    StoredCall call;
    read_call_fields(in, call);
    in.finish();
    return call;
}

StoredParagraph read_paragraph(const Xapian::Document& doc) {
    return std::move(decode_paragraph_data(doc.get_data()).paragraph);
}

}  // namespace callsearch
