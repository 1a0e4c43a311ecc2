// Intentionally empty: CGlibcCompat exists only to be linked into `bootstrap`
// (see hypotf.c); nothing is imported from it.
#ifndef PURPOSEPATH_CGLIBCCOMPAT_H
#define PURPOSEPATH_CGLIBCCOMPAT_H
#endif
