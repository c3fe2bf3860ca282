// Ids of the emulator's built-in demo app (the seed document's group and template ids).
export const SEED = {
  thermostats: '833d7a7d-8f99-4e04-9e56-745806bdba6e', // 40 thermostats, a few fail
  sensors: '4fcbec3b-5ee8-4324-855d-0f03b56bcf7f',
  labThermostats: '0d1c1b1a-5f6e-4c3d-9b2a-1e0f9d8c7b6a', // 10 thermostats that always succeed
  thermostat: 'dtmi:modelDefinition:zomtmdxh:eqod32zbyl',
  sensor: 'dtmi:modelDefinition:bojo9tfju:yfvu5gv2vl',
  lab: 'contoso-lab', // the organization of the lab thermostats
};
