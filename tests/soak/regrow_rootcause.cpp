// Root cause demo for issue 13 row 3 (not built by CMake): g++ -O2 -pthread regrow_rootcause.cpp && ./a.out /var/tmp/x.bin
// truncate(2) waits for the inode lock held by worker A's pwrite; worker B's fstat meanwhile still
// sees the old size, so B's size-checked pwrite queues behind the truncate and regrows the file.
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>
using namespace std::chrono;
int main(int argc, char **argv) {
    const char *path = argv[1];
    const off_t size = 2048l << 20, cut = 100l << 20;
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    ftruncate(fd, size); posix_fallocate(fd, 0, size);
    std::vector<char> big(512 << 20, 0x5a), small(256 << 10, 0x5a);
    auto t0 = steady_clock::now();
    auto us = [&] { return (long)duration_cast<microseconds>(steady_clock::now() - t0).count(); };
    long aStart, aEnd, tStart, tEnd, bStat, bEnd; off_t bSaw;
    std::thread a([&] { aStart = us(); pwrite(fd, big.data(), big.size(), 0); aEnd = us(); });
    std::this_thread::sleep_for(milliseconds(20));
    std::thread t([&] { tStart = us(); truncate(path, cut); tEnd = us(); });
    std::this_thread::sleep_for(milliseconds(5));
    std::thread b([&] { struct stat st; fstat(fd, &st); bSaw = st.st_size; bStat = us();
                        if (st.st_size >= 1500l * 1048576 + (off_t)small.size()) pwrite(fd, small.data(), small.size(), 1500l << 20);
                        bEnd = us(); });
    a.join(); t.join(); b.join();
    struct stat st; fstat(fd, &st);
    printf("A pwrite 512 MiB at 0: %ld..%ld us\ntruncate to 100 MiB: called %ld us, returned %ld us\n"
           "B fstat at %ld us saw %ld (>= its block end, so it pwrote at 1500 MiB), returned %ld us\nfinal size %ld%s\n",
           aStart, aEnd, tStart, tEnd, bStat, (long)bSaw, bEnd, (long)st.st_size, st.st_size != cut ? "  REGROWN" : "");
    unlink(path);
}
