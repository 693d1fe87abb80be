// The Reporters module. See Package.swift for its place in the layers.
