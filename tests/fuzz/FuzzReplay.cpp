// fuzz_replay CORPUS_DIR [ITERATIONS]: feeds every file of the seed corpus, then ITERATIONS (default 20000)
// deterministic mutations of them, through the fuzz target's entry point. The GCC build's stand-in for libFuzzer:
// it cannot search, but it keeps every seed and a fixed spread of broken variants passing on every build.
// A crash leaves the input that caused it in ./fuzz-replay-crash.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <random>

#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

QByteArray g_current; // the input being run, for the crash handler

void saveCrashingInput(int sig)
{
    // Only async-signal-safe calls here.
    const int fd = ::open("fuzz-replay-crash", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        (void)!::write(fd, g_current.constData(), size_t(g_current.size()));
        ::close(fd);
    }
    static const char msg[] = "fuzz_replay: crashed; the input is in ./fuzz-replay-crash\n";
    (void)!::write(2, msg, sizeof msg - 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void run(const QByteArray& input)
{
    g_current = input;
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()), size_t(input.size()));
}

// Bytes that matter to JSON and to the flow format, so mutations reach past the tokenizer.
const char interesting[] = "{}[]\",:\\-0123456789.eE+ tfnu";
const char* const tokens[] = {"null", "true", "1e400", "-0", "99999999999999999999", "\"\\ud800\"", "{}", "[]", "\"{{\"",
                              "\"core.loop\"", "\"core.if\"", "\"return\"", "\"error\"", "\"route\"", "\"typeVersion\"", "0.5"};

QByteArray mutate(const QList<QByteArray>& seeds, std::mt19937& rng)
{
    auto pick = [&](size_t n) { return size_t(std::uniform_int_distribution<size_t>(0, n - 1)(rng)); };
    QByteArray s = seeds[qsizetype(pick(size_t(seeds.size())))];
    const int steps = 1 + int(pick(4));
    for (int step = 0; step < steps; ++step) {
        const size_t len = size_t(s.size());
        switch (pick(7)) {
        case 0: // flip a bit
            if (len)
                s[qsizetype(pick(len))] ^= char(1 << pick(8));
            break;
        case 1: // overwrite with a JSON-significant byte
            if (len)
                s[qsizetype(pick(len))] = interesting[pick(sizeof interesting - 1)];
            break;
        case 2: // truncate
            s.truncate(qsizetype(pick(len + 1)));
            break;
        case 3: { // splice: this one's head, another's tail
            const QByteArray& other = seeds[qsizetype(pick(size_t(seeds.size())))];
            s = s.left(qsizetype(pick(len + 1))) + other.mid(qsizetype(pick(size_t(other.size()) + 1)));
            break;
        }
        case 4: // insert a token
            s.insert(qsizetype(pick(len + 1)), tokens[pick(std::size(tokens))]);
            break;
        case 5: // delete a range
            if (len)
                s.remove(qsizetype(pick(len)), qsizetype(1 + pick(16)));
            break;
        default: { // duplicate a range
            if (!len)
                break;
            const qsizetype at = qsizetype(pick(len));
            s.insert(at, s.mid(at, qsizetype(1 + pick(64))));
            break;
        }
        }
    }
    return s;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: fuzz_replay CORPUS_DIR [ITERATIONS]\n");
        return 2;
    }
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 20000;
    std::signal(SIGABRT, saveCrashingInput);
    std::signal(SIGSEGV, saveCrashingInput);
    std::signal(SIGBUS, saveCrashingInput);
    std::signal(SIGFPE, saveCrashingInput);

    const QDir dir(QString::fromLocal8Bit(argv[1]));
    QList<QByteArray> seeds;
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            seeds.append(f.readAll());
    }
    if (seeds.size() < 10) {
        std::fprintf(stderr, "fuzz_replay: expected a seed corpus in %s, found %d files\n", argv[1], int(seeds.size()));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    for (const QByteArray& seed : seeds)
        run(seed);
    std::mt19937 rng(20240601); // fixed: every build replays the same inputs
    for (int i = 0; i < iterations; ++i)
        run(mutate(seeds, rng));
    std::printf("fuzz_replay: %d seeds and %d mutations in %lld ms\n", int(seeds.size()), iterations,
                static_cast<long long>(clock.elapsed()));
    return 0;
}
