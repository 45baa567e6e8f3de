#include "read/pdf_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include "read/source_file.h"

#if defined(__SANITIZE_ADDRESS__)
#define CALLSEARCH_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CALLSEARCH_UNDER_ASAN 1
#endif
#endif

namespace callsearch {

namespace {

// Messages from the child: one tag byte, a 4-byte length, the payload.
constexpr char kPage = 'P';
constexpr char kRefused = 'E';
constexpr char kDone = 'D';

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool send(int fd, char tag, std::string_view payload) {
    char header[5] = {tag};
    const auto size = static_cast<std::uint32_t>(payload.size());
    std::memcpy(header + 1, &size, sizeof size);
    return write_all(fd, header, sizeof header) && write_all(fd, payload.data(), payload.size());
}

void ignore_poppler_message(const std::string&, void*) {}

void limit(int resource, rlim_t value) {
    const struct rlimit r = {value, value};
    (void)::setrlimit(resource, &r);
}

// The child's whole life. Never returns.
[[noreturn]] void extract_in_child(std::string_view bytes, const PdfLimits& limits, int out) {
    (void)::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const auto seconds = static_cast<rlim_t>(limits.time.count() / 1000 + 1);
    limit(RLIMIT_CPU, seconds);
    limit(RLIMIT_CORE, 0);
#ifndef CALLSEARCH_UNDER_ASAN
    // On top of what the parent's image already uses (read from /proc, as
    // the child inherits all of it).
    rlim_t base = 0;
    if (const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC); fd >= 0) {
        char buffer[128] = {};
        const ssize_t n = ::read(fd, buffer, sizeof buffer - 1);
        ::close(fd);
        unsigned long fields[7] = {};
        if (n > 0 && std::sscanf(buffer, "%lu %lu %lu %lu %lu %lu", &fields[0], &fields[1], &fields[2], &fields[3],
                                 &fields[4], &fields[5]) == 6) {
            base = static_cast<rlim_t>(fields[5]) * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE));
        }
    }
    limit(RLIMIT_DATA, base + (static_cast<rlim_t>(limits.memory_mib) << 20));
#endif
    int code = 0;
    try {
        poppler::set_debug_error_function(ignore_poppler_message, nullptr);
        const std::unique_ptr<poppler::document> doc(
            poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
        if (!doc) {
            send(out, kRefused, "damaged PDF: poppler cannot open it");
        } else if (doc->is_locked()) {
            send(out, kRefused, "encrypted PDF: it needs a password to be read");
        } else if (doc->pages() <= 0) {
            send(out, kRefused, "damaged PDF: it has no pages");
        } else if (static_cast<std::size_t>(doc->pages()) > limits.max_pages) {
            send(out, kRefused, "PDF has " + std::to_string(doc->pages()) + " pages; the limit is " +
                                    std::to_string(limits.max_pages));
        } else {
            bool open = true;
            for (int i = 0; i < doc->pages() && open; ++i) {
                const std::unique_ptr<poppler::page> page(doc->create_page(i));
                if (!page) {
                    open = send(out, kPage, {});
                    continue;
                }
                const poppler::byte_array text =
                    page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
                open = send(out, kPage, std::string_view(text.data(), text.size()));
            }
            if (open) send(out, kDone, {});
        }
    } catch (const std::bad_alloc&) {
        send(out, kRefused, "PDF needs more than " + std::to_string(limits.memory_mib) + " MiB to extract");
        code = 2;
    } catch (...) {
        send(out, kRefused, "damaged PDF: extraction failed");
        code = 2;
    }
    ::close(out);
    ::_exit(code);
}

class Child {
public:
    explicit Child(pid_t pid) : pid_(pid) {}
    ~Child() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            (void)wait();
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Waits for the child's end; its wait status.
    int wait() {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        pid_ = -1;
        return status;
    }
    void kill() const { ::kill(pid_, SIGKILL); }

private:
    pid_t pid_;
};

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::vector<std::string> read_pdf_pages(std::string_view bytes, const PdfLimits& limits) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw InputError(std::string("cannot start PDF extraction: ") + std::strerror(errno));
    Fd in{fds[0]}, out{fds[1]};
    const pid_t pid = ::fork();
    if (pid < 0) throw InputError(std::string("cannot start PDF extraction: ") + std::strerror(errno));
    if (pid == 0) {
        ::close(in.fd);
        extract_in_child(bytes, limits, out.fd);
    }
    Child child(pid);
    ::close(out.fd);
    out.fd = -1;

    // Read everything the child says, within the time and size limits.
    const auto deadline = std::chrono::steady_clock::now() + limits.time;
    std::string received;
    std::string stop;  // why the parent ended the child, if it did
    char buffer[1 << 16];
    while (stop.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            stop = "PDF took longer than " + std::to_string(limits.time.count() / 1000) + " s to extract";
            break;
        }
        struct pollfd p = {in.fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;  // the deadline check above ends it
        const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the child closed its end
        received.append(buffer, static_cast<std::size_t>(n));
        if (received.size() > limits.max_text_bytes + (limits.max_pages + 2) * 5) {
            stop = "PDF holds more than " + std::to_string(limits.max_text_bytes >> 20) + " MiB of text";
        }
    }
    if (!stop.empty()) child.kill();
    const int status = child.wait();
    if (!stop.empty()) throw InputError(stop);

    std::vector<std::string> pages;
    bool done = false;
    std::size_t text_bytes = 0;
    for (std::size_t i = 0; i + 5 <= received.size();) {
        std::uint32_t size = 0;
        std::memcpy(&size, received.data() + i + 1, sizeof size);
        if (i + 5 + size > received.size()) break;
        const char tag = received[i];
        std::string payload = received.substr(i + 5, size);
        i += 5 + size;
        if (tag == kRefused) throw InputError(payload);
        if (tag == kDone) done = true;
        if (tag == kPage) {
            text_bytes += payload.size();
            pages.push_back(std::move(payload));
        }
    }
    if (!done) {
        if (WIFSIGNALED(status)) {
            const int sig = WTERMSIG(status);
            if (sig == SIGXCPU || sig == SIGKILL) {
                throw InputError("PDF took more than " + std::to_string(limits.time.count() / 1000) +
                                 " s of CPU to extract");
            }
            throw InputError("PDF extraction crashed (signal " + std::to_string(sig) + "): a damaged or hostile file");
        }
        throw InputError("PDF extraction ended early: a damaged file");
    }
    if (text_bytes > limits.max_text_bytes) {
        throw InputError("PDF holds more than " + std::to_string(limits.max_text_bytes >> 20) + " MiB of text");
    }
    bool any_text = false;
    for (const std::string& page : pages) {
        any_text = any_text || page.find_first_not_of(" \t\r\n\f") != std::string::npos;
    }
    if (!any_text) throw InputError("PDF has no text layer (scanned or image-only pages); nothing to index");
    return pages;
}

}  // namespace callsearch
