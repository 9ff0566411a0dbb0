//! Charts as drawing functions generic over `plotters::DrawingBackend`: the
//! app draws them into a `<canvas>`, native tests into a bitmap.
