package dev.jwkit.jwks.inmemory;

import dev.jwkit.jwks.port.KeyRingRepository;
import dev.jwkit.jwks.port.KeyRingRepositoryContract;

class InMemoryKeyRingRepositoryTest extends KeyRingRepositoryContract {

  @Override
  protected KeyRingRepository newRepository() {
    return new InMemoryKeyRingRepository();
  }
}
