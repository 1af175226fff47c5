//! The sample's example questions, as every reader may type them (English command names,
//! which every language accepts): what the language tests ask in each language.

pub const EXAMPLE_QUESTIONS: &[&str] = &[
    "/visits monthly from:2024-01 to:2024-12",
    "/visits list",
    "/visits show id:1",
    "/provinces",
    "/stats from:2024-01 to:2024-12",
    "/official show \"Oh Young-hun\"",
    "/official history \"Xin Changxing\"",
    "/forums list",
    "/forums show id:1",
    "/outcomes list",
    "/search text:Jeju",
];
