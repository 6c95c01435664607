package dev.portcullis.demo;

import jakarta.ejb.ApplicationException;

/** A request the store refuses; its message is safe to show to a user or a model. */
@ApplicationException(rollback = true)
public class InvalidPetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidPetException(String message) {
        super(message);
    }
}
