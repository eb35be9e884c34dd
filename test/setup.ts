// Ink reads CI once at import and then renders only the last frame; tests need every frame.
delete process.env.CI;
delete process.env.NO_COLOR;
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
