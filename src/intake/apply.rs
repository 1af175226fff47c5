//! Writing a confirmed draft (filled in below).
