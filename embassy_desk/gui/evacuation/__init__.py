"""The evacuation screen: flights and buses, their manifests, and boarding at the assembly point."""
