#pragma once
// A decompression bomb: one PDF page whose Flate-compressed content stream
// inflates to about `inflated_mib` MiB of text-showing operators (the file
// is about a thousandth of that).

#include <string>

#include <zlib.h>

#include "support/pdf_maker.h"

namespace test_support {

inline std::string pdf_bomb(std::size_t inflated_mib) {
    std::string chunk;
    // Lines run off the page after the first few: poppler still has to
    // interpret every operator, so this costs CPU time rather than text.
    while (chunk.size() < (1u << 16)) chunk += "(Revenue grew again and again this quarter.) Tj T*\n";
    const std::string head = "BT /F1 11 Tf 14 TL 72 760 Td\n";
    const std::size_t rounds = (inflated_mib << 20) / chunk.size();
    std::string compressed;
    z_stream z{};
    deflateInit(&z, Z_BEST_COMPRESSION);
    char buffer[1 << 16];
    for (std::size_t r = 0; r <= rounds; ++r) {
        const std::string& in = r == 0 ? head : chunk;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z.avail_in = static_cast<uInt>(in.size());
        const int flush = r == rounds ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer);
            z.avail_out = sizeof buffer;
            deflate(&z, flush);
            compressed.append(buffer, sizeof buffer - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return make_pdf({compressed}, PdfOptions{{}, "/FlateDecode", 0});
}

}  // namespace test_support
