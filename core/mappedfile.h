#pragma once

#include "core/byterange.h"
#include "core/fileidentity.h"
#include "core/openmode.h"
#include "core/rangeallocator.h"
#include "core/result.h"
#include "core/writerange.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <type_traits>

namespace hexmap {

class Mapping;

enum class Advice { Normal, Random, Sequential, WillNeed, DontNeed };
enum class ZeroMode {
    KeepSpace,    // only stretches holding data are zeroed (SEEK_DATA), in place (fallocate ZERO_RANGE | KEEP_SIZE);
                  // holes stay holes: zeroing never allocates a block
    ReleaseSpace, // the range becomes a hole (fallocate PUNCH_HOLE | KEEP_SIZE)
};
// On a block device: KeepSpace = BLKZEROOUT, ReleaseSpace = fallocate PUNCH_HOLE | KEEP_SIZE on the device, which
// discards only where the device guarantees zeros on read (Errc::DeviceCannotDiscard where it cannot: nothing is
// then written with zeros instead); the partial logical sectors at the ends are written with zeros (pwrite).
// The mapping reads zeros afterwards (the kernel drops the range from the device's page cache).

// A cheap-to-copy, reference-counted handle to one shared memory mapping of one fixed-size file.
// The mapping lives until the last handle, allocator, WriteRange and job using it are gone; it is never
// flushed implicitly: only sync()/syncRange() promise durability.
//
// Two layers:
// - unchecked (writeAt, fill, zero, writeThrough, mutableData...): the caller promises that concurrent writes do
//   not overlap and that nobody reads a range while it is written. Bounds are still checked in every build.
//   Production writers: Save (writeThrough, one thread, refused over reserved ranges) and the demo file.
// - safe (allocator(), fill/zero/generate/write(WriteRange...)): writes go through move-only tokens that never
//   overlap and return WriteReceipts for the sync. Production writers: the job workers (core/jobworker).
// docs/ARCHITECTURE.md "Issue 14" lists every write path and what it checks.
//
// Block devices (issue 18) are mapped like files (Linux maps the device's page cache). Writes, through the mapping
// or writeThrough (pwrite), are buffered in that page cache: the kernel reads, merges and writes back whole logical
// sectors, so writing one byte changes exactly one byte on the device. sync()/syncRange() (msync MS_SYNC) flush
// the device (blkdev_fsync, with a cache flush). A device never changes size: nothing here grows or shrinks it.
//
// Too large to map (issue 18, "Any size, really"): when mmap of the whole file fails with ENOMEM (the 47-bit user
// address space holds no ~100 TiB mapping) or the size is above HEXMAP_MAP_LIMIT (a test hook, Mapping::mapLimit),
// the file opens unmapped: isMapped() false, data()/mutableData() null, and every operation keeps its contract
// through the descriptor: reads are pread, writes pwrite (refused with Errc::FileTruncated when the file on disk is
// shorter: pwrite would regrow it), zero fallocate, flush sync_file_range, sync fdatasync (fsync on a device, always
// the whole file), advise posix_fadvise, prefaultForWrite nothing. No SIGBUS guard is armed: a file cut by another
// program shows as short reads, sizeOnDisk() below size() and wasTruncatedOnDisk() once a read or write met the cut.
//
// Thread: any. Different handles (copies) may be used concurrently; the mapping's bytes follow the rules above.
class MappedFile {
public:
    MappedFile();
    ~MappedFile();
    MappedFile(const MappedFile &);
    MappedFile &operator=(const MappedFile &);
    MappedFile(MappedFile &&) noexcept;
    MappedFile &operator=(MappedFile &&) noexcept;

    // Creates `path` (replacing an existing regular file), reserves all its blocks with posix_fallocate and maps
    // it read-write. The file is built under a temporary name in the same folder and renamed into place only
    // once fully reserved. Fails with Errc::InvalidFileSize for size 0, ENOSPC when the disk is full (leaving no
    // file behind and an existing file untouched), any other errno; errors name the path.
    static Result<MappedFile> create(const std::string &path, std::uint64_t size);

    // Maps an existing regular file or block device. Fails with ENOENT, EACCES (unreadable), Errc::IsDirectory,
    // Errc::NotRegularFile (FIFO, socket, character device), Errc::ReadOnlyFile (read-write requested but the file
    // has no write permission for us, even when running as root, or the device is read-only: BLKROGET), EROFS,
    // ENOMEM...; errors name the path.
    // A zero-length file opens with nothing mapped (size() 0, data() null): every access is empty or out of range.
    // Block devices (see openmode.h): ReadOnly and ReadWriteDevice open them; ReadWrite fails with
    // Errc::DeviceNotConfirmed. The size comes from BLKGETSIZE64, the sector sizes from BLKSSZGET/BLKPBSZGET.
    // EACCES on a device is Errc::DevicePermission ("PATH (device group 'disk'): permission denied: opening block
    // devices needs root or membership of the device's group"), naming the group that owns the node.
    static Result<MappedFile> open(const std::string &path, OpenMode mode);
    static Result<MappedFile> openReadOnly(const std::string &path);
    static Result<MappedFile> openReadWrite(const std::string &path);

    bool isValid() const { return m_mapping != nullptr; }
    std::uint64_t size() const;
    bool isWritable() const;
    // True when the mapped object is a block device (a disk, partition, loop device...).
    bool isBlockDevice() const;
    // False when the file is too large to map and reads and writes go through pread/pwrite (see above). True for an
    // empty file (nothing to map) and for an invalid handle.
    bool isMapped() const;
    // The device's logical and physical sector sizes (BLKSSZGET, BLKPBSZGET: typically 512 or 4 KiB). For a regular
    // file: logical 1 (any byte is addressable), physical st_blksize (the filesystem's preferred I/O size).
    // 0 for an invalid handle.
    std::uint32_t logicalSectorSize() const;
    std::uint32_t physicalSectorSize() const;
    // The mode that reopens this object as it is mapped now: ReadOnly, ReadWrite, or ReadWriteDevice for a
    // writable device (the user already confirmed it once). ReadOnly for an invalid handle.
    OpenMode reopenMode() const;
    const std::string &path() const;
    bool sharesMappingWith(const MappedFile &other) const { return m_mapping == other.m_mapping; }
    // True once the SIGBUS guard found that the file shrank on disk under this mapping.
    bool wasTruncatedOnDisk() const;
    // The file's current size on disk (fstat on the mapped descriptor): below size() once another process
    // truncated it, even before any access faulted. 0 for an invalid handle. Fails with errno (fstat).
    Result<std::uint64_t> sizeOnDisk() const;

    // The identity recorded when the file was opened (device, inode, size, mtime), or by the last
    // refreshIdentity(). Default-constructed for an invalid handle.
    FileIdentity identity() const;
    // How the file on disk differs from identity(): check before a Save, a job or a reload decision, and never
    // write silently unless it is FileChange::None. Fails with errno (fstat); Errc::InvalidArgument when invalid.
    Result<FileChange> checkIdentity() const;
    // Records the file's current size and mtime as known (after Hexmap's own writes changed them), keeping the
    // inode recorded at open. Fails with errno (fstat), Errc::InvalidArgument when invalid.
    Status refreshIdentity();
    // A new descriptor (O_CLOEXEC, the caller closes it) of the file as opened: the mapped inode, even when the path
    // now names another file. Fails with errno (fcntl), Errc::InvalidArgument when invalid.
    Result<int> duplicateDescriptor() const;

    // The system's page size and mapping granularity (queried once from sysconf, never a literal).
    static std::uint64_t pageSize();
    static std::uint64_t allocationGranularity();

    // ---- Unchecked layer ----
    // Copies as much of `data` as fits before the end; returns the byte count (0 when read-only or offset >= size).
    std::size_t writeAt(std::uint64_t offset, std::span<const std::byte> data);
    // Copies all of `data` or nothing: Errc::OutOfBounds when it does not fit, Errc::NotWritable when read-only.
    Status writeAllAt(std::uint64_t offset, std::span<const std::byte> data);
    // Copies up to buffer.size() bytes, clamped at the end; returns the byte count (0 past the end).
    std::size_t readAt(std::uint64_t offset, std::span<std::byte> buffer) const;
    // A view of the bytes, clamped at the end of the file (empty past the end). Mapped: a view of the mapping,
    // valid while a handle lives. Unmapped (isMapped() false): a view of a thread_local buffer filled by pread,
    // valid only until the next readSlice on the same thread (of any file), and shorter where the file on disk
    // ends first. Callers use the span before they read another slice.
    std::span<const std::byte> readSlice(std::uint64_t offset, std::uint64_t length) const;
    // Fill/zero `range`: Errc::OutOfBounds past the end, Errc::NotWritable when read-only; zero's fallocate errors
    // other than "unsupported" (which falls back to storing zeros through the mapping) are returned as errno.
    // Neither ever changes the file's size.
    Status fill(ByteRange range, std::byte value);
    Status zero(ByteRange range, ZeroMode mode = ZeroMode::KeepSpace);
    // Writes all of `data` at `offset` through the page cache that the mapping shares (pwrite on the file), not
    // through the mapping's pages: no page faults or read-before-write of uncached pages, large page-cache folios,
    // and a full disk or I/O error comes back as ENOSPC/EIO instead of a SIGBUS. The mapping (every handle) sees
    // the bytes at once. Fails with Errc::NotWritable, Errc::OutOfBounds, Errc::FileTruncated when the file on
    // disk is now shorter than offset + size (nothing written: pwrite would grow it again), or errno (a prefix
    // of `data` may then be written). The size check and the pwrite are not atomic: a cut by another program in
    // between lets the pwrite regrow the file (Save uses it for its few edited ranges; jobs never do, see
    // docs/RELIABILITY.md "Issue 13: jobs").
    Status writeThrough(std::uint64_t offset, std::span<const std::byte> data);
    // The mapping's first byte: nullptr for an empty file and when the file is not mapped (isMapped() false).
    const std::byte *data() const;
    std::byte *mutableData(); // nullptr when mapped read-only or not mapped

    // ---- Flush and sync (ranges are widened to page boundaries internally) ----
    // flush*: starts writeback of the dirty pages (sync_file_range WRITE) and returns without waiting: nothing is
    // promised durable. sync*: returns once the bytes are on stable storage (msync MS_SYNC). Errors: errno (EIO
    // when writeback failed), Errc::OutOfBounds for a range past the end, Errc::WrongFile for another file's receipt.
    Status flushAsync();
    Status flushRangeAsync(ByteRange range);
    Status flushRangeAsync(const WriteReceipt &receipt);
    Status sync();
    Status syncRange(ByteRange range);
    Status syncRange(const WriteReceipt &receipt);

    // madvise over `range` (whole file by default). Fails with errno or Errc::OutOfBounds.
    Status advise(Advice advice);
    Status advise(Advice advice, ByteRange range);
    // Faults the pages of `range` in writable (MADV_POPULATE_WRITE) so that later writes run at memory speed.
    // Fails with EINVAL/ENOSYS on kernels without it (callers may ignore that), Errc::NotWritable when read-only.
    Status prefaultForWrite(ByteRange range);
    // On a block device: does nothing and succeeds (every block exists).
    // Reserves disk blocks for `range` (fallocate KEEP_SIZE: never changes the size) so writes into holes cannot
    // hit ENOSPC later; a range without holes (SEEK_HOLE) is left alone, and so is a filesystem without fallocate
    // (nothing can be reserved there without writing). Fails with ENOSPC up front when the disk is full;
    // Errc::NotWritable when read-only.
    Status reserve(ByteRange range);

    // ---- Safe layer ----
    // Reserves `region` (whole file by default) and returns an allocator over it. Each byte of a file is handed
    // out by at most one allocator at a time: the region stays reserved until the allocator and every WriteRange
    // cut from it are gone. Fails with Errc::RangeBusy when the region overlaps a reserved one,
    // Errc::OutOfBounds / Errc::InvalidArgument for a region past the end or empty, Errc::NotWritable when read-only.
    Result<RangeAllocator> allocator();
    Result<RangeAllocator> allocator(ByteRange region);
    // True when `range` overlaps a region reserved by a live allocator (a running job, for example).
    bool isReserved(ByteRange range) const;

    // Writes `data` at the start of `range`. Errc::WrongFile when the token belongs to another file (or is
    // empty), Errc::RangeOverflow when data is larger than the range; nothing is written on error.
    Result<WriteReceipt> write(const WriteRange &range, std::span<const std::byte> data);
    // Writes `data` at `offsetInRange` bytes into `range`; the same errors.
    Result<WriteReceipt> write(const WriteRange &range, std::uint64_t offsetInRange, std::span<const std::byte> data);
    Result<WriteReceipt> fill(const WriteRange &range, std::byte value);
    // Zeroes the token's bytes as zero(ByteRange, mode) does (never allocating a hole, never changing the size).
    // Errc::WrongFile as above, or zero's errors (errno from fallocate); the bytes may be partly zeroed on error.
    Result<WriteReceipt> zero(const WriteRange &range, ZeroMode mode = ZeroMode::KeepSpace);
    // Calls `generator(std::span<std::byte> out, std::uint64_t offsetInRange)` for kernels that generate data in
    // place (a repeating pattern): out[k] is the token's byte at offsetInRange + k. Mapped: once, with the token's
    // bytes (offsetInRange 0). Unmapped: once per piece of at most unmappedPiece() bytes, in order, each into a
    // thread_local buffer that is then written with pwrite. A generator taking only the span is called once with
    // the whole token (unmapped: a buffer of the token's size). Returns the receipt of the whole token.
    // Errc::WrongFile as above (the generator is not called); unmapped also write()'s errors (Errc::FileTruncated,
    // errno: the pieces before the failing one are written).
    template <typename Generator>
    Result<WriteReceipt> generate(const WriteRange &range, Generator &&generator)
    {
        constexpr bool withOffset = std::is_invocable_v<Generator &, std::span<std::byte>, std::uint64_t>;
        if (isMapped() || !withOffset) {
            auto span = isMapped() ? tokenBytes(range) : scratchFor(range, range.size());
            if (!span)
                return span.error();
            if constexpr (withOffset)
                generator(*span, std::uint64_t{0});
            else
                generator(*span);
            if (isMapped())
                return receiptFor(range);
            auto written = write(range, *span);
            return written ? receiptFor(range) : written;
        }
        if constexpr (withOffset) {
            for (std::uint64_t at = 0; at < range.size();) {
                const std::uint64_t n = std::min<std::uint64_t>(unmappedPiece(), range.size() - at);
                auto span = scratchFor(range, n);
                if (!span)
                    return span.error();
                generator(*span, at);
                if (auto written = write(range, at, *span); !written)
                    return written;
                at += n;
            }
        }
        return receiptFor(range);
    }
    // The largest piece generate() hands its generator on an unmapped file (1 MiB).
    static std::uint64_t unmappedPiece();

private:
    explicit MappedFile(std::shared_ptr<Mapping> mapping);
    Result<std::shared_ptr<RangeClaim>> claimRegion(ByteRange region);
    Status checkToken(const WriteRange &range) const;
    Result<std::span<std::byte>> tokenBytes(const WriteRange &range);
    // A thread_local buffer of `size` bytes for generate() on an unmapped file, after checkToken(range).
    Result<std::span<std::byte>> scratchFor(const WriteRange &range, std::uint64_t size);
    WriteReceipt receiptFor(const WriteRange &range) const;
    Status checkRange(ByteRange range) const;
    Status checkWritable() const;

    std::shared_ptr<Mapping> m_mapping;
};

} // namespace hexmap
