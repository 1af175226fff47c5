//! Files within Discord's upload limits: each file at most the interaction's
//! `attachment_size_limit` (10 MiB on a server without boosts), at most 10 files and 25 MiB
//! in one message. A file over the limit is gzipped (`visits.csv` becomes
//! `visits.csv.gz`, which any unzip tool and `gunzip` open); files that together are too
//! much for one message go on in follow-ups; a file too large even compressed is named.

use std::io::Write as _;

/// At most this much in one request (Discord's rule).
pub(super) const REQUEST_MAX: usize = 25 * 1024 * 1024;
/// Room kept in each request for the message's JSON and the multipart framing.
const OVERHEAD: usize = 64 * 1024;
const FILES_PER_MESSAGE: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, PartialEq)]
pub(super) enum Fitted {
    /// The files by message: the first group goes with the answer, the others follow.
    Messages(Vec<Vec<File>>),
    /// This file is larger than the limit even compressed.
    TooLarge { name: String, bytes: usize },
}

/// Fits the files into messages for an interaction whose per-file limit is `per_file`.
/// Compressing is CPU work: call it off the async runtime.
pub(super) fn fit(files: Vec<File>, per_file: usize) -> Fitted {
    fit_within(files, per_file, REQUEST_MAX - OVERHEAD)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::default(),
    );
    encoder
        .write_all(bytes)
        .and_then(|_| encoder.finish())
        .expect("writing to memory does not fail")
}

fn fit_within(files: Vec<File>, per_file: usize, per_request: usize) -> Fitted {
    let per_file = per_file.min(per_request);
    let mut sized = Vec::new();
    for f in files {
        let f = if f.bytes.len() > per_file {
            File {
                name: format!("{}.gz", f.name),
                bytes: gzip(&f.bytes),
            }
        } else {
            f
        };
        if f.bytes.len() > per_file {
            return Fitted::TooLarge {
                name: f.name,
                bytes: f.bytes.len(),
            };
        }
        sized.push(f);
    }
    let mut groups: Vec<Vec<File>> = vec![vec![]];
    let mut used = 0;
    for f in sized {
        let group = groups.last_mut().expect("never empty");
        if !group.is_empty()
            && (group.len() == FILES_PER_MESSAGE || used + f.bytes.len() > per_request)
        {
            used = 0;
            groups.push(vec![]);
        }
        used += f.bytes.len();
        groups.last_mut().expect("never empty").push(f);
    }
    Fitted::Messages(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: Vec<u8>) -> File {
        File {
            name: name.into(),
            bytes,
        }
    }

    fn noise(n: usize, seed: u64) -> Vec<u8> {
        use rand::{RngCore, SeedableRng};
        let mut bytes = vec![0; n];
        rand_chacha::ChaCha8Rng::seed_from_u64(seed).fill_bytes(&mut bytes);
        bytes
    }

    #[test]
    fn small_files_go_as_they_are_in_one_message() {
        let files = vec![
            file("a.csv", b"id\n1\n".to_vec()),
            file("b.csv", b"id\n".to_vec()),
        ];
        assert_eq!(fit(files.clone(), 10 << 20), Fitted::Messages(vec![files]));
    }

    #[test]
    fn a_file_over_the_limit_is_gzipped_and_still_opens() {
        let csv = "id,province\n".to_string() + &"1,Jiangsu\n".repeat(5000);
        let Fitted::Messages(groups) =
            fit(vec![file("visits.csv", csv.clone().into_bytes())], 1000)
        else {
            panic!("a repetitive file compresses below the limit");
        };
        let gz = &groups[0][0];
        assert_eq!(gz.name, "visits.csv.gz");
        assert!(gz.bytes.len() <= 1000);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz.bytes[..]), &mut text)
            .unwrap();
        assert_eq!(text, csv);
    }

    #[test]
    fn what_cannot_shrink_enough_is_named() {
        let fitted = fit(vec![file("noise.bin", noise(5000, 1))], 1000);
        assert!(
            matches!(&fitted, Fitted::TooLarge { name, bytes } if name == "noise.bin.gz" && *bytes > 1000),
            "{fitted:?}"
        );
    }

    #[test]
    fn files_that_fill_a_request_continue_in_the_next_message() {
        let files: Vec<File> = (0..12)
            .map(|i| file(&format!("{i}"), noise(400, i)))
            .collect();
        let Fitted::Messages(groups) = fit_within(files, 500, 1000) else {
            panic!("each file fits alone");
        };
        assert_eq!(
            groups.len(),
            6,
            "two files of 400 bytes per 1000-byte request"
        );
        assert!(
            groups
                .iter()
                .all(|g| g.iter().map(|f| f.bytes.len()).sum::<usize>() <= 1000)
        );
        let names: Vec<String> = groups.concat().into_iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            (0..12).map(|i| i.to_string()).collect::<Vec<_>>(),
            "in order"
        );
        let Fitted::Messages(groups) = fit_within(
            (0..12)
                .map(|i| file(&format!("{i}"), vec![b'x'; 10]))
                .collect(),
            500,
            1000,
        ) else {
            panic!("tiny files fit");
        };
        assert_eq!(
            groups.iter().map(Vec::len).collect::<Vec<_>>(),
            [10, 2],
            "ten files a message"
        );
    }
}
