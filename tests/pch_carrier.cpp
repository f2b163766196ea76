// The object that carries the test suites' precompiled header (cmake/HexmapPch.cmake); it defines nothing.
