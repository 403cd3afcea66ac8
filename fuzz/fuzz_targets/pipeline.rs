//! Any bytes through the whole engine (parse, claims, figures, entities, links, search, exports),
//! with its invariants checked by `parallax_engine::exercise::whole_pipeline`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    parallax_engine::exercise::whole_pipeline(data);
});
