#pragma once

#include "core/byterange.h"
#include "core/claimregistry.h"
#include "core/fileidentity.h"
#include "core/openmode.h"
#include "core/result.h"

#include <atomic>
#include <cstdint>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

namespace hexmap {

class WriteLock;

// Internal: owns one file descriptor and one shared mapping of the whole file (RAII: munmap + close, never a
// flush). Shared by every MappedFile handle, RangeClaim and job that uses the file.
// A file too large to map (mmap fails with ENOMEM: the 47-bit user address space holds no ~100 TiB mapping) or
// larger than mapLimit() opens unmapped: base() null, isMapped() false, and MappedFile reads and writes through the
// descriptor (pread/pwrite, core/platform/unmappedio.cpp).
// Thread: any; the fields are immutable after creation except the atomics and the registry (internally locked).
class Mapping {
public:
    ~Mapping();
    Mapping(const Mapping &) = delete;
    Mapping &operator=(const Mapping &) = delete;

    // Opens/creates and maps; errors name the path. See MappedFile::create / MappedFile::open.
    static Result<std::shared_ptr<Mapping>> create(const std::string &path, std::uint64_t size);
    static Result<std::shared_ptr<Mapping>> open(const std::string &path, OpenMode mode);

    // The mapping's first byte; null when nothing is mapped (an empty file, or isMapped() false).
    std::byte *base() const { return m_base; }
    // False when the file is too large to map (see above): every access goes through fd().
    bool isMapped() const { return m_mapped; }
    // Files larger than this open unmapped without trying mmap: HEXMAP_MAP_LIMIT (a size as parseSize reads it:
    // "1", "4K", "1T"), read at every open (a test hook), or UINT64_MAX when unset or unparsable. Never fails.
    static std::uint64_t mapLimit();
    std::uint64_t size() const { return m_size; }
    // ReadOnly or ReadWrite: a device opened with ReadWriteDevice is mapped ReadWrite (isBlockDevice() tells them
    // apart), so that every write path's "is it writable" check keeps working unchanged.
    OpenMode mode() const { return m_mode; }
    bool isBlockDevice() const { return m_isDevice; }
    // BLKSSZGET / BLKPBSZGET for a device; 1 / st_blksize for a regular file.
    std::uint32_t logicalSectorSize() const { return m_logicalSector; }
    std::uint32_t physicalSectorSize() const { return m_physicalSector; }
    const std::string &path() const { return m_path; }
    int fd() const { return m_fd; }
    // A process-unique number for this mapping (never reused, unlike its address): receipts carry it.
    std::uint64_t id() const { return m_id; }
    ClaimRegistry &claims() { return m_claims; }

    // The identity recorded at open (or by the last setIdentity, after Hexmap's own writes). Thread: any.
    FileIdentity identity() const;
    void setIdentity(const FileIdentity &identity);

    // Set by the SIGBUS guard when the file shrank under the mapping; polled by owners.
    std::atomic<bool> &faulted() { return m_faulted; }

private:
    Mapping(int fd, std::byte *base, std::uint64_t size, OpenMode mode, std::string path, bool isDevice = false,
            bool mapped = true);

    int m_fd = -1;
    std::byte *m_base = nullptr;
    std::uint64_t m_size = 0;
    OpenMode m_mode = OpenMode::ReadOnly;
    std::string m_path;
    ClaimRegistry m_claims;
    std::atomic<bool> m_faulted{false};
    std::uint64_t m_id = 0;
    bool m_isDevice = false;
    bool m_mapped = true;
    std::uint32_t m_logicalSector = 1;
    std::uint32_t m_physicalSector = 512; // set by open()
    int m_guardSlot = -1; // SigbusGuard slot, -1 when unguarded
    mutable std::mutex m_identityMutex;
    FileIdentity m_identity;
    std::shared_ptr<WriteLock> m_writeLock; // held while mapped read-write (see WriteLock); null when read-only
};

} // namespace hexmap
