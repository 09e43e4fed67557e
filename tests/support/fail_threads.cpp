// LD_PRELOAD shim for tests: every pthread_create fails with EAGAIN, as on a
// machine out of threads (a process limit, a heavily loaded host). The
// program must then bake on the calling thread (with LP_NUM_THREADS=0, so
// does llvmpipe).
#include <cerrno>

#include <pthread.h>

extern "C" int pthread_create(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*) {
  return EAGAIN;
}
